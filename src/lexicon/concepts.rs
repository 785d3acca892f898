//! Language-independent concept ids for news vocabulary (`concepts.txt`):
//! "countries", "países", "Länder" and "країн" all name `country`, so facts
//! in different languages can be compared by what they are about.
//!
//! Format, one concept a line, the same ids in every language:
//! - `id: form | form | *suffix` — the word forms (any case; inflected forms
//!   listed); a form starting with `*` also matches as the end of a compound
//!   word ("*staaten" in "Mitgliedstaaten");
//! - `!form` — a form that names the concept only right after a number
//!   ("32 killed", but not "32 people killed", where "people" is the noun);
//! - `@head: first|last` — where a noun group puts its head word ("member
//!   countries": last; "países membros": first);
//! - `@stems: yes` — also match a word whose stem equals a listed form's stem,
//!   for languages with more case forms than the file lists;
//! - `@nouns: capitalized` — the language capitalises nouns, so a lower-case
//!   word after one ends the noun group.

use crate::hash::{HashMap, HashMapExt};
use std::collections::BTreeSet;

use super::parse;
use crate::error::Result;
use crate::text::{fold, lower};

/// Fewest letters a compound must keep before a `*suffix` form.
const MIN_COMPOUND_HEAD: usize = 3;

/// The concept table of one language.
#[derive(Clone, Debug, Default)]
pub struct Concepts {
    lang: String,
    forms: HashMap<String, String>,
    leading: HashMap<String, String>,
    suffixes: Vec<(String, String)>,
    stems: Option<HashMap<String, String>>,
    head_last: bool,
    capitalized_nouns: bool,
}

impl Concepts {
    /// Parses a `concepts.txt`; `origin` names the file in errors.
    pub fn parse(lang: &str, origin: &str, text: &str) -> Result<Concepts> {
        let mut table = Concepts {
            lang: lang.to_string(),
            ..Concepts::default()
        };
        let mut use_stems = false;
        for item in parse::labeled(text) {
            match item.label {
                "@head" => match item.items.as_slice() {
                    ["first"] => table.head_last = false,
                    ["last"] => table.head_last = true,
                    _ => return Err(item.error(origin, "`@head` is `first` or `last`")),
                },
                "@stems" => use_stems = item.items.as_slice() == ["yes"],
                "@nouns" => table.capitalized_nouns = item.items.as_slice() == ["capitalized"],
                "" => return Err(item.error(origin, "expected `concept: form | form`")),
                id => {
                    for form in &item.items {
                        if let Some(suffix) = form.strip_prefix('*') {
                            table.suffixes.push((fold(suffix), id.to_string()));
                        } else if let Some(form) = form.strip_prefix('!') {
                            table.leading.insert(fold(form), id.to_string());
                        } else {
                            table.forms.insert(fold(form), id.to_string());
                        }
                    }
                }
            }
        }
        // Longest suffix first, so "*mitglieder" wins over "*glieder".
        table
            .suffixes
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        if use_stems {
            let mut stems = HashMap::new();
            let mut forms: Vec<(&String, &String)> = table.forms.iter().collect();
            forms.sort();
            for (form, id) in forms {
                stems
                    .entry(crate::stem::stem(lang, form))
                    .or_insert_with(|| id.clone());
            }
            table.stems = Some(stems);
        }
        Ok(table)
    }

    /// The concept id a word names, if any (case and diacritics ignored).
    pub fn of(&self, word: &str) -> Option<&str> {
        match self.leading.get(&fold(word)) {
            Some(id) => Some(id),
            None => self.of_noun(word),
        }
    }

    /// The concept id a word names as a noun: [`Concepts::of`] without the
    /// `!` forms, for words that do not follow the number directly.
    pub fn of_noun(&self, word: &str) -> Option<&str> {
        if let Some(id) = self.exact(word) {
            return Some(id);
        }
        let stems = self.stems.as_ref()?;
        stems
            .get(&crate::stem::stem(&self.lang, &fold(&lower(word))))
            .map(String::as_str)
    }

    /// The concept id of a listed form or compound ending only: no stems,
    /// no `!` forms. Stems also match verbs ("stimmten" → `vote`), so a noun
    /// group is only extended by exact forms.
    pub fn exact(&self, word: &str) -> Option<&str> {
        let key = fold(word);
        if let Some(id) = self.forms.get(&key) {
            return Some(id);
        }
        self.suffixes.iter().find_map(|(suffix, id)| {
            key.strip_suffix(suffix.as_str())
                .filter(|head| head.chars().count() >= MIN_COMPOUND_HEAD)
                .map(|_| id.as_str())
        })
    }

    /// True when the language capitalises every noun (German): a lower-case
    /// word after a noun ends the noun group ("6.268 Mitarbeiter einstellen").
    pub fn capitalized_nouns(&self) -> bool {
        self.capitalized_nouns
    }

    /// True when the language puts the head of a noun group last.
    pub fn head_last(&self) -> bool {
        self.head_last
    }

    /// Every concept id of the table, sorted.
    pub fn ids(&self) -> BTreeSet<&str> {
        self.forms
            .values()
            .chain(self.leading.values())
            .chain(self.suffixes.iter().map(|(_, id)| id))
            .map(String::as_str)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_suffixes_and_stems() {
        let text =
            "@head: last\n@stems: yes\ncountry: Land | Länder | *staaten\ndeath: Tote | !getötet\n";
        let c = Concepts::parse("de", "t", text).unwrap();
        assert!(c.head_last());
        assert_eq!(c.of("LÄNDER"), Some("country"));
        assert_eq!(c.of("Mitgliedstaaten"), Some("country"));
        assert_eq!(c.of("Staaten"), None, "a suffix needs a compound head");
        assert_eq!(c.of("Ländern"), Some("country"), "by stem");
        assert_eq!(c.exact("Ländern"), None, "not listed");
        assert_eq!(c.of("Haus"), None);
        assert_eq!(c.of("getötet"), Some("death"));
        assert_eq!(c.of_noun("getötet"), None);
        assert_eq!(c.ids().len(), 2);
        assert!(Concepts::parse("de", "t", "@head: middle\n").is_err());
        assert!(Concepts::parse("de", "t", "no label\n").is_err());
    }
}
