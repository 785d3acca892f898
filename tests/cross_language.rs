//! One change at a time to a translated version of a faithful fixture story
//! (`rate-decision`: English, French, Italian, Russian; `cup-semifinal`:
//! English, Spanish, Portuguese, Italian): each change must be caught with
//! the right kind, citing the changed version, against versions in other
//! languages only. The unchanged stories are clean (`tests/fixtures.rs`).

use std::path::PathBuf;

use driftcheck::finding::Kind;
use driftcheck::input::read_inputs;
use driftcheck::lexicon::Lexicons;
use driftcheck::report::Report;
use driftcheck::story::{Story, StoryOptions};

/// (fixture, version, text replaced, replacement, kind that must catch it)
const MUTATIONS: &[(&str, &str, &str, &str, Kind)] = &[
    (
        "rate-decision",
        "b_depeche_fr",
        "5,3 %",
        "3,5 %",
        Kind::NumericDrift,
    ),
    (
        "rate-decision",
        "c_agenzia_it",
        "20 paesi",
        "21 paesi",
        Kind::NumericDrift,
    ),
    (
        "rate-decision",
        "d_lenta_ru",
        "1,8%",
        "8,1%",
        Kind::NumericDrift,
    ),
    (
        "rate-decision",
        "b_depeche_fr",
        "6 mars",
        "7 mars",
        Kind::DateDrift,
    ),
    (
        "rate-decision",
        "d_lenta_ru",
        "в феврале",
        "в марте",
        Kind::DateDrift,
    ),
    (
        "rate-decision",
        "c_agenzia_it",
        "non prevede di tagliare",
        "prevede di tagliare",
        Kind::PolarityDrift,
    ),
    (
        "rate-decision",
        "d_lenta_ru",
        "банк не ожидает",
        "банк ожидает",
        Kind::PolarityDrift,
    ),
    (
        "rate-decision",
        "b_depeche_fr",
        "la banque ne prévoyait pas de baisser",
        "la banque prévoyait de baisser",
        Kind::PolarityDrift,
    ),
    (
        "rate-decision",
        "d_lenta_ru",
        "Линдквист сказала",
        "Линдквист сказал",
        Kind::PronounDrift,
    ),
    (
        "rate-decision",
        "b_depeche_fr",
        "la présidente de la banque",
        "le président de la banque",
        Kind::PronounDrift,
    ),
    (
        "rate-decision",
        "b_depeche_fr",
        "Marta Lindqvist",
        "Marta Lindkvist",
        Kind::NameVariant,
    ),
    (
        "rate-decision",
        "c_agenzia_it",
        "Lindqvist ha detto",
        "Lindquist ha detto",
        Kind::NameVariant,
    ),
    (
        "cup-semifinal",
        "b_marcador_es",
        "41.500",
        "14.500",
        Kind::NumericDrift,
    ),
    (
        "cup-semifinal",
        "c_placar_pt",
        "por 2 a 1",
        "por 3 a 1",
        Kind::NumericDrift,
    ),
    (
        "cup-semifinal",
        "b_marcador_es",
        "seis partidos",
        "siete partidos",
        Kind::NumericDrift,
    ),
    (
        "cup-semifinal",
        "c_placar_pt",
        "12 de abril",
        "13 de abril",
        Kind::DateDrift,
    ),
    (
        "cup-semifinal",
        "d_gazzetta_it",
        "dal 2016",
        "dal 2015",
        Kind::DateDrift,
    ),
    (
        "cup-semifinal",
        "b_marcador_es",
        "los jugadores nunca se rindieron",
        "los jugadores se rindieron",
        Kind::PolarityDrift,
    ),
    (
        "cup-semifinal",
        "c_placar_pt",
        "Não foi o nosso melhor jogo",
        "Foi o nosso melhor jogo",
        Kind::PolarityDrift,
    ),
    (
        "cup-semifinal",
        "b_marcador_es",
        "dijo la entrenadora del Harbor City",
        "dijo el entrenador del Harbor City",
        Kind::PronounDrift,
    ),
    (
        "cup-semifinal",
        "d_gazzetta_it",
        "ha detto l'allenatrice dell'Harbor City Sofia Brandt",
        "ha detto l'attaccante Diego Fernández",
        Kind::AttributionDrift,
    ),
    (
        "cup-semifinal",
        "c_placar_pt",
        "disse a técnica do Harbor City, Sofia Brandt",
        "disse o atacante Diego Fernández",
        Kind::AttributionDrift,
    ),
    (
        "cup-semifinal",
        "b_marcador_es",
        "Pavel Novak",
        "Pavel Nowak",
        Kind::NameVariant,
    ),
    (
        "cup-semifinal",
        "c_placar_pt",
        "Lucas Moretti",
        "Lucas Moreti",
        Kind::NameVariant,
    ),
    (
        "cup-semifinal",
        "d_gazzetta_it",
        "Il subentrato Pavel Novak ha segnato il gol della vittoria all'84' davanti a 41.500 spettatori.\n",
        "",
        Kind::Omission,
    ),
];

#[test]
fn each_change_to_a_translation_is_caught_with_its_kind() {
    let lexicons = Lexicons::embedded();
    let mut missed = Vec::new();
    for &(fixture, version, old, new, kind) in MUTATIONS {
        let mut raws =
            read_inputs(&[PathBuf::from(format!("fixtures/{fixture}"))]).expect("fixture reads");
        let doc = raws
            .iter_mut()
            .find(|r| r.id == version)
            .expect("the version exists");
        assert!(doc.text.contains(old), "{version} lacks {old:?}");
        doc.text = doc.text.replacen(old, new, 1);
        let story = Story::build(raws, &StoryOptions::default(), &lexicons).expect("builds");
        let findings = Report::check(&story, &lexicons).findings;
        let caught = findings
            .iter()
            .any(|f| f.kind == kind && f.evidence.iter().any(|e| e.doc == version));
        if !caught {
            let got: Vec<String> = findings.iter().map(|f| f.kind.to_string()).collect();
            missed.push(format!(
                "{version}: {old:?} → {new:?} wants {kind}, got {got:?}"
            ));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}
