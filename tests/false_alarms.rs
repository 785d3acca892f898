//! The false alarms faithful translations used to raise, family by family
//! (issue 17), each in at least three languages: the faithful form stays
//! silent, and the real drift of the same kind is still found, also
//! between two versions.

#[path = "support/story.rs"]
mod story;

use driftcheck::finding::Kind;
use story::{check, errors, kinds};

// --- attribution: places, institutions and their heads, one person in two
// scripts or as surname and full name ---

const EN_BRIDGE: &str = "Mayor Anna Keller and engineer Tom Berger opened the new bridge in Boston on Monday.\n\n\
In Boston, Keller said that the bridge will carry 20,000 cars a day.\n\n\
Berger warned that repairs on the old road will take two years.\n\n\
The ministry said Minister Laszlo Kovacs told reporters that the state will pay half of the cost.\n\n\
Park Min-jun, the contractor, said the work was finished on time.";

const DE_BRIDGE: &str = "Bürgermeisterin Anna Keller und Ingenieur Tom Berger haben am Montag die neue Brücke in Boston eröffnet.\n\n\
In Boston sagte Keller, dass die Brücke täglich 20.000 Autos tragen werde.\n\n\
Berger warnte, dass die Reparatur der alten Straße zwei Jahre dauern werde.\n\n\
Minister Laszlo Kovacs sagte Reportern, dass der Staat die Hälfte der Kosten übernehmen werde.\n\n\
Der Bauunternehmer Min-jun Park sagte, die Arbeiten seien rechtzeitig fertig geworden.";

const RU_BRIDGE: &str = "Мэр Анна Келлер и инженер Том Бергер в понедельник открыли новый мост в Бостоне.\n\n\
В Бостоне Келлер заявила, что мост будет пропускать 20 000 автомобилей в день.\n\n\
Бергер предупредил, что ремонт старой дороги займёт два года.\n\n\
Министр Ласло Ковач сообщил журналистам, что государство оплатит половину расходов.\n\n\
Подрядчик Пак Мин Чжун сказал, что работы завершены в срок.";

const FR_BRIDGE: &str = "La maire Anna Keller et l'ingénieur Tom Berger ont inauguré lundi le nouveau pont à Boston.\n\n\
À Boston, Keller a déclaré que le pont accueillera 20 000 voitures par jour.\n\n\
Berger a averti que les travaux sur l'ancienne route dureront deux ans.\n\n\
Le ministère a indiqué que le ministre Laszlo Kovacs a dit aux journalistes que l'État paiera la moitié du coût.\n\n\
L'entrepreneur Park Min-jun a déclaré que les travaux étaient terminés à temps.";

#[test]
fn places_institutions_and_one_person_in_two_scripts_are_one_speaker() {
    let f = check(&[
        ("a", "en", EN_BRIDGE),
        ("b", "de", DE_BRIDGE),
        ("c", "ru", RU_BRIDGE),
        ("d", "fr", FR_BRIDGE),
    ]);
    assert!(kinds(&f, Kind::AttributionDrift).is_empty(), "{:#?}", errors(&f));
    for (lang, text) in [("de", DE_BRIDGE), ("ru", RU_BRIDGE), ("fr", FR_BRIDGE)] {
        let f = check(&[("a", "en", EN_BRIDGE), ("b", lang, text)]);
        assert!(
            kinds(&f, Kind::AttributionDrift).is_empty(),
            "{lang}: {:#?}",
            errors(&f)
        );
    }
}

#[test]
fn a_statement_credited_to_another_person_is_found() {
    for (lang, text, from, to) in [
        ("de", DE_BRIDGE, "sagte Keller", "sagte Berger"),
        ("ru", RU_BRIDGE, "Келлер заявила", "Бергер заявил"),
        ("fr", FR_BRIDGE, "Keller a déclaré", "Berger a déclaré"),
    ] {
        let moved = text.replace(from, to);
        // Two versions: both readings are cited.
        let f = check(&[("a", "en", EN_BRIDGE), ("b", lang, &moved)]);
        let a = kinds(&f, Kind::AttributionDrift);
        assert_eq!(a.len(), 1, "{lang}: {f:#?}");
        assert!(a[0].evidence.iter().any(|e| e.doc == "a"), "{lang}");
        assert!(
            a[0].evidence
                .iter()
                .any(|e| e.doc == "b" && e.text.contains(to)),
            "{lang}: {:?}",
            a[0].evidence
        );
        // Against a majority in other languages.
        let others: Vec<(&str, &str, &str)> = [("en", EN_BRIDGE), ("de", DE_BRIDGE), ("ru", RU_BRIDGE), ("fr", FR_BRIDGE)]
            .into_iter()
            .filter(|(l, _)| *l != lang)
            .enumerate()
            .map(|(i, (l, t))| (["a", "b", "c"][i], l, t))
            .collect();
        let mut versions = others.clone();
        versions.push(("z", lang, &moved));
        let f = check(&versions);
        let a = kinds(&f, Kind::AttributionDrift);
        assert_eq!(a.len(), 1, "{lang}: {f:#?}");
        assert!(a[0].message.contains("1 version (z)"), "{}", a[0].message);
    }
}
