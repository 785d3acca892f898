//! Name keys: a key for a person's, place's or organisation's name that
//! survives scripts, romanisations, spelling conventions and exonyms, so
//! "Коваленський", "Kovalenskyy" and "Kovalensky" get one key, and "Brussels",
//! "Bruxelas" and "Брюсселі" another.
//!
//! The pipeline for one word: nominative (Cyrillic case endings, [`lemma`]) →
//! Latin letters ([`key::latin`]: the official Ukrainian table (KMU 55) from
//! `lexicons/names/translit_uk.txt`, a Russian one from `translit_ru.txt`) → ASCII →
//! spelling folds (`lexicons/names/folding.txt`) → given-name equivalence
//! (`lexicons/names/given_names.txt`). A whole name is first looked up in
//! `lexicons/names/exonyms.txt`. Keys that still differ can be compared with
//! the guarded fuzzy match of [`compare`].

pub mod compare;
pub mod cues;
pub mod key;
pub mod lemma;
mod tables;

use serde::Serialize;

pub use tables::{EndingRule, Exonym, GivenName, NameTables};

/// A grammatical or social gender a text gives a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Gender {
    /// He, him, his, заявив, Mr.
    #[serde(rename = "m")]
    Male,
    /// She, her, заявила, Mrs., ministra.
    #[serde(rename = "f")]
    Female,
}

impl Gender {
    /// The gender a lexicon label suffix names (`m`, `f`).
    pub fn from_code(code: &str) -> Option<Gender> {
        match code {
            "m" => Some(Gender::Male),
            "f" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// What a name names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A person.
    Person,
    /// A place: country, city, region.
    Place,
    /// An organisation: ministry, party, company, alliance, news agency.
    Organization,
    /// Not enough evidence to tell.
    #[default]
    Unknown,
}

impl EntityType {
    /// The name used in the facts report.
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Place => "place",
            EntityType::Organization => "organization",
            EntityType::Unknown => "unknown",
        }
    }

    /// The type an exonym label names (`place`, `org`).
    pub fn from_label(label: &str) -> Option<EntityType> {
        match label {
            "place" => Some(EntityType::Place),
            "org" => Some(EntityType::Organization),
            _ => None,
        }
    }
}
