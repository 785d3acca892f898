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
    assert!(
        kinds(&f, Kind::AttributionDrift).is_empty(),
        "{:#?}",
        errors(&f)
    );
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
        let others: Vec<(&str, &str, &str)> = [
            ("en", EN_BRIDGE),
            ("de", DE_BRIDGE),
            ("ru", RU_BRIDGE),
            ("fr", FR_BRIDGE),
        ]
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

// --- quotes: two translations of one quote in one language ---

/// A story with one quote, in its original and in two translations into
/// another language that word the quote each their own way.
struct Translated {
    lang: &'static str,
    original: (&'static str, &'static str),
    first: &'static str,
    second: &'static str,
    /// (in `second`, replacement) pairs: a number, a negation, a name in
    /// place of another.
    drifts: [(&'static str, &'static str); 3],
}

const TRANSLATED: [Translated; 3] = [
    Translated {
        lang: "en",
        original: (
            "de",
            "Die Ministerin Katrin Albers stellte am Mittwoch ein Gesetz vor.\n\n\
„Wir werden in diesem Jahr 300 neue Wohnungen für Familien in Hamburg bauen“, sagte Albers.\n\n\
Der Verband der Vermieter kritisierte den Entwurf.",
        ),
        first: "Minister Katrin Albers presented a bill on Wednesday.\n\n\
\"This year we will build 300 new flats for families in Hamburg,\" Albers said.\n\n\
The landlords' association criticised the draft.",
        second: "Minister Katrin Albers unveiled a law on Wednesday.\n\n\
\"We are going to construct 300 new apartments for families in Hamburg this year,\" said Albers.\n\n\
The association of landlords criticised the draft.",
        drifts: [
            ("300", "200"),
            ("We are going to", "We are not going to"),
            ("in Hamburg this", "in Bremen this"),
        ],
    },
    Translated {
        lang: "de",
        original: (
            "fr",
            "Le maire Paul Girard a inauguré lundi un nouveau pont.\n\n\
« Ce pont accueillera 20 000 voitures de toute la France par jour dès le mois prochain », a déclaré Girard.\n\n\
Les riverains se plaignent du bruit.",
        ),
        first: "Bürgermeister Paul Girard hat am Montag eine neue Brücke eröffnet.\n\n\
„Diese Brücke wird ab nächstem Monat täglich 20 000 Autos aus ganz Frankreich aufnehmen“, sagte Girard.\n\n\
Die Anwohner beklagen sich über den Lärm.",
        second: "Am Montag weihte Bürgermeister Paul Girard eine neue Brücke ein.\n\n\
„Schon ab dem kommenden Monat wird diese Brücke jeden Tag 20 000 Fahrzeuge aus ganz Frankreich tragen“, erklärte Girard.\n\n\
Die Anwohner klagen über Lärm.",
        drifts: [
            ("20 000", "30 000"),
            ("wird diese Brücke", "wird diese Brücke nicht"),
            ("aus ganz Frankreich", "aus ganz Italien"),
        ],
    },
    Translated {
        lang: "ru",
        original: (
            "en",
            "Coach Maria Lopez praised her team after the final on Sunday.\n\n\
\"We played our best game of the season in Madrid and the fans carried us,\" Lopez said.\n\n\
The club will hold a parade on Tuesday.",
        ),
        first: "Тренер Мария Лопес похвалила свою команду после финала в воскресенье.\n\n\
«Мы сыграли лучшую игру сезона в Мадриде, и болельщики несли нас на руках», — сказала Лопес.\n\n\
Во вторник клуб проведёт парад.",
        second: "После воскресного финала тренер Мария Лопес похвалила команду.\n\n\
«Это была наша лучшая игра в сезоне в Мадриде, нас поддерживали болельщики», — заявила Лопес.\n\n\
Клуб устроит парад во вторник.",
        drifts: [
            ("наша лучшая игра", "наша 3 лучшая игра"),
            ("нас поддерживали", "нас не поддерживали"),
            ("в Мадриде, нас", "в Севилье, нас"),
        ],
    },
];

#[test]
fn two_translations_of_one_quote_are_no_quote_drift() {
    for t in &TRANSLATED {
        let f = check(&[
            ("o", t.original.0, t.original.1),
            ("a", t.lang, t.first),
            ("b", t.lang, t.second),
        ]);
        assert!(kinds(&f, Kind::QuoteDrift).is_empty(), "{}: {f:#?}", t.lang);
    }
}

#[test]
fn a_number_negation_or_name_changed_in_a_translated_quote_is_quote_drift() {
    for t in &TRANSLATED {
        for (from, to) in t.drifts {
            assert!(t.second.contains(from), "{}: {from}", t.lang);
            let drifted = t.second.replace(from, to);
            let f = check(&[
                ("o", t.original.0, t.original.1),
                ("a", t.lang, t.first),
                ("b", t.lang, &drifted),
            ]);
            assert_eq!(
                kinds(&f, Kind::QuoteDrift).len(),
                1,
                "{}: {to}: {f:#?}",
                t.lang
            );
        }
    }
}

#[test]
fn one_language_stories_still_compare_quote_wording() {
    for t in &TRANSLATED {
        let f = check(&[("a", t.lang, t.first), ("b", t.lang, t.second)]);
        assert!(
            !kinds(&f, Kind::QuoteDrift).is_empty(),
            "{}: {f:#?}",
            t.lang
        );
    }
}

#[test]
fn a_quote_translators_render_as_reported_speech_is_no_quote_drift() {
    let t = &TRANSLATED[0];
    // The second translator reports the words without quote marks.
    let reported = t.second.replace(
        "\"We are going to construct 300 new apartments for families in Hamburg this year,\" said Albers.",
        "Albers said they are going to construct 300 new apartments for families in Hamburg this year.",
    );
    assert_ne!(reported, t.second);
    let f = check(&[
        ("o", t.original.0, t.original.1),
        ("a", t.lang, t.first),
        ("b", t.lang, &reported),
    ]);
    assert!(kinds(&f, Kind::QuoteDrift).is_empty(), "{f:#?}");
    // In a story of one language, the words one version quotes are found.
    let f = check(&[("a", t.lang, t.first), ("b", t.lang, &reported)]);
    assert!(!kinds(&f, Kind::QuoteDrift).is_empty(), "{f:#?}");
}

/// A quote whose negated clause one translator words as a difference
/// ("have not done this" / "acted differently from"), in three languages:
/// a translation with the negation, another that words it as a difference,
/// and the first with its negation dropped. The original is French.
const REWORDED_NEGATION: [(&str, &str, &str, &str); 3] = [
    (
        "en",
        "\"My predecessors have not done this, but I did it, and others will follow my example,\" said President Claire Morel.",
        "\"I acted differently from my predecessors, and many others will follow my example,\" President Claire Morel said.",
        "\"My predecessors have done this, but I did it, and others will follow my example,\" said President Claire Morel.",
    ),
    (
        "de",
        "„Meine Vorgänger haben das nicht getan, aber ich habe es getan, und andere werden meinem Beispiel folgen“, sagte Präsidentin Claire Morel.",
        "„Ich habe anders gehandelt als meine Vorgänger, und viele werden meinem Beispiel folgen“, sagte Präsidentin Claire Morel.",
        "„Meine Vorgänger haben das getan, aber ich habe es getan, und andere werden meinem Beispiel folgen“, sagte Präsidentin Claire Morel.",
    ),
    (
        "ru",
        "«Мои предшественники этого не делали, а я сделала, и другие последуют моему примеру», — сказала президент Клэр Морель.",
        "«Я поступила иначе, чем мои предшественники, и многие последуют моему примеру», — заявила президент Клэр Морель.",
        "«Мои предшественники это делали, а я сделала, и другие последуют моему примеру», — сказала президент Клэр Морель.",
    ),
];

const FR_REWORDED_NEGATION: &str = "« Mes prédécesseurs ne l'ont pas fait, mais moi je l'ai fait, et d'autres suivront mon exemple », a déclaré la présidente Claire Morel.";

#[test]
fn a_negation_worded_as_a_difference_is_no_quote_drift() {
    for (lang, negated, reworded, dropped) in REWORDED_NEGATION {
        let f = check(&[
            ("o", "fr", FR_REWORDED_NEGATION),
            ("a", lang, negated),
            ("b", lang, reworded),
        ]);
        assert!(kinds(&f, Kind::QuoteDrift).is_empty(), "{lang}: {f:#?}");
        let f = check(&[
            ("o", "fr", FR_REWORDED_NEGATION),
            ("a", lang, negated),
            ("b", lang, dropped),
        ]);
        assert_eq!(kinds(&f, Kind::QuoteDrift).len(), 1, "{lang}: {f:#?}");
    }
}

// --- polarity: a negative word against a plain negation, negations that are
// not the claim's own ---

/// One story in four languages; each claim says with a negative word
/// ("withheld", "outside", "failed", "без") in some versions what others
/// say with a plain negation.
const EN_COURT: &str = "The regional court withheld the subsidies for the new stadium on Thursday.\n\n\
The mayor said the club had failed to present a credible budget.\n\n\
Fans who did not buy tickets in advance were kept outside the arena.\n\n\
If the club does not pay its debts, the league will open an inquiry.";

const RU_COURT: &str = "В четверг областной суд не выделил субсидии на новый стадион.\n\n\
Мэр заявил, что клуб не смог представить убедительный бюджет.\n\n\
Болельщики, которые заранее купили билеты, прошли на арену без проблем, а остальных не пустили.\n\n\
Если клуб не выплатит долги, лига начнёт расследование.";

const FR_COURT: &str = "Le tribunal régional n'a pas accordé jeudi les subventions pour le nouveau stade.\n\n\
Le maire a déclaré que le club n'avait pas réussi à présenter un budget crédible.\n\n\
Les supporters qui n'avaient pas acheté de billets à l'avance sont restés hors de l'arène.\n\n\
Si le club ne paie pas ses dettes, la ligue ouvrira une enquête.";

const DE_COURT: &str = "Das Landgericht hat die Zuschüsse für das neue Stadion am Donnerstag nicht bewilligt.\n\n\
Der Bürgermeister sagte, der Verein habe keinen glaubwürdigen Haushalt vorlegen können.\n\n\
Fans, die ihre Karten nicht im Voraus gekauft hatten, mussten vor der Arena bleiben.\n\n\
Wenn der Verein seine Schulden nicht bezahlt, wird die Liga eine Untersuchung einleiten.";

#[test]
fn a_negative_word_against_a_plain_negation_is_no_polarity_drift() {
    let all = [
        ("a", "en", EN_COURT),
        ("b", "ru", RU_COURT),
        ("c", "fr", FR_COURT),
        ("d", "de", DE_COURT),
    ];
    let f = check(&all);
    assert!(
        kinds(&f, Kind::PolarityDrift).is_empty(),
        "{:#?}",
        errors(&f)
    );
    for other in &all[1..] {
        let f = check(&[all[0], *other]);
        assert!(
            kinds(&f, Kind::PolarityDrift).is_empty(),
            "{}: {:#?}",
            other.1,
            errors(&f)
        );
    }
}

#[test]
fn a_negation_dropped_from_the_claim_is_polarity_drift() {
    for (lang, text, from, to) in [
        ("ru", RU_COURT, "суд не выделил", "суд выделил"),
        ("fr", FR_COURT, "n'a pas accordé", "a accordé"),
        (
            "de",
            DE_COURT,
            "Stadion am Donnerstag nicht bewilligt",
            "Stadion am Donnerstag bewilligt",
        ),
    ] {
        assert!(text.contains(from), "{lang}");
        let flipped = text.replace(from, to);
        let others: Vec<(&str, &str, &str)> = [
            ("a", "ru", RU_COURT),
            ("b", "fr", FR_COURT),
            ("c", "de", DE_COURT),
        ]
        .into_iter()
        .filter(|v| v.1 != lang)
        .collect();
        let mut versions = others.clone();
        versions.push(("z", lang, &flipped));
        let f = check(&versions);
        let p = kinds(&f, Kind::PolarityDrift);
        assert_eq!(p.len(), 1, "{lang}: {f:#?}");
        assert!(p[0].evidence.iter().any(|e| e.doc == "z"), "{lang}");
        // Two versions in one language: the word asserted against the
        // same word negated.
        let f = check(&[("a", lang, text), ("b", lang, &flipped)]);
        assert_eq!(
            kinds(&f, Kind::PolarityDrift).len(),
            1,
            "{lang} twin: {f:#?}"
        );
    }
}

#[test]
fn a_negation_in_a_rhetorical_question_is_not_the_claims() {
    for (lang, negated, maybe) in [
        (
            "ru",
            "Мэр спросил журналистов: «Не пора ли клубу заплатить долги?»",
            "Мэр спросил журналистов: «Может быть, клубу пора заплатить долги?»",
        ),
        (
            "en",
            "The mayor asked reporters: \"Isn't it time the club paid its debts?\"",
            "The mayor asked reporters: \"Maybe it is time the club paid its debts?\"",
        ),
        (
            "de",
            "Der Bürgermeister fragte: „Ist es nicht Zeit, dass der Verein seine Schulden bezahlt?“",
            "Der Bürgermeister fragte: „Ist es vielleicht Zeit, dass der Verein seine Schulden bezahlt?“",
        ),
    ] {
        let f = check(&[("a", lang, negated), ("b", lang, maybe)]);
        assert!(kinds(&f, Kind::PolarityDrift).is_empty(), "{lang}: {f:#?}");
        // The same claim stated, not asked, is drift.
        let stated = |t: &str| t.replace('?', ".").replace("ли ", "");
        let f = check(&[("a", lang, &stated(negated)), ("b", lang, &stated(maybe))]);
        assert!(
            !kinds(&f, Kind::PolarityDrift).is_empty(),
            "{lang} stated: {f:#?}"
        );
    }
}

// --- pronouns: only a cue the alignment ties to the same person counts ---

const EN_VISIT: &str = "Prime Minister Kim Ortega visited the new hospital in the capital on Monday.\n\n\
The director of the hospital, who has worked there for twenty years, said her staff was ready.\n\n\
Ortega said he was proud of the nurses and doctors.";

const DE_VISIT: &str = "Premierminister Kim Ortega besuchte am Montag das neue Krankenhaus in der Hauptstadt.\n\n\
Die Direktorin des Krankenhauses, die dort seit zwanzig Jahren arbeitet, sagte, das Personal sei bereit.\n\n\
Ortega sagte, er sei stolz auf die Pflegekräfte und Ärzte.";

const FR_VISIT: &str = "Le Premier ministre Kim Ortega a visité lundi le nouvel hôpital de la capitale.\n\n\
La directrice de l'hôpital, qui y travaille depuis vingt ans, a déclaré que le personnel était prêt.\n\n\
Ortega a dit qu'il était fier des infirmières et des médecins.";

#[test]
fn a_pronoun_of_another_person_is_no_pronoun_drift() {
    // English titles have no gender: "her" (the director's) is resolved
    // to Ortega, but no other version genders Ortega in that claim.
    let f = check(&[
        ("a", "en", EN_VISIT),
        ("b", "de", DE_VISIT),
        ("c", "fr", FR_VISIT),
    ]);
    assert!(
        kinds(&f, Kind::PronounDrift).is_empty(),
        "{:#?}",
        errors(&f)
    );
}

#[test]
fn a_person_given_another_gender_is_pronoun_drift() {
    for (lang, from, to) in [
        ("en", "he was proud", "she was proud"),
        ("fr", "qu'il était fier", "qu'elle était fière"),
        ("de", "Premierminister Kim", "Premierministerin Kim"),
    ] {
        let base = [
            ("a", "en", EN_VISIT),
            ("b", "de", DE_VISIT),
            ("c", "fr", FR_VISIT),
        ];
        let i = base.iter().position(|v| v.1 == lang).expect("the language");
        assert!(base[i].2.contains(from), "{lang}");
        let changed = base[i].2.replace(from, to);
        let mut all = base.to_vec();
        all[i].2 = &changed;
        let f = check(&all);
        let p = kinds(&f, Kind::PronounDrift);
        assert_eq!(p.len(), 1, "{lang}: {f:#?}");
        assert!(p[0].evidence.iter().any(|e| e.doc == all[i].0), "{lang}");
    }
}

// --- names: case forms are no variants; a misspelling still is ---

/// (language, version a, version b, (in b, misspelling)): a and b name the
/// same places and people in other cases.
const CASE_FORMS: [(&str, &str, &str, (&str, &str)); 3] = [
    (
        "ru",
        "Делегация Пакистана прибыла в Москву в понедельник.\n\n\
В Пакистане переговоры назвали важными, сообщил министр Иван Коваленко.\n\n\
Предложение поддержал Государственный совет.",
        "В понедельник в Москву прибыла делегация из Пакистана.\n\n\
Переговоры в Пакистане назвали важными, сообщил министр Иван Коваленко.\n\n\
Предложение поддержали в Государственном совете.",
        ("в Москву прибыла", "в Москкву прибыла"),
    ),
    (
        "uk",
        "Делегація прибула до Києва в понеділок.\n\n\
Переговори в Києві назвали важливими, повідомив міністр Іван Коваленко.\n\n\
Пропозицію Коваленка підтримали в Києві.",
        "У понеділок делегація прибула в Київ.\n\n\
Переговори назвали важливими, повідомив міністр Іван Коваленко.\n\n\
Пропозицію Коваленка підтримали депутати, які приїхали к Києву.",
        ("міністр Іван Коваленко", "міністр Іван Ковалленко"),
    ),
    (
        "de",
        "Die Delegation kam am Montag nach Berlin.\n\n\
Minister Klaus Bergmann sagte, die Gespräche dauerten zwei Tage.\n\n\
Bergmanns Vorschlag fand im Bundestag Zustimmung.",
        "Am Montag traf die Delegation in Berlin ein.\n\n\
Die Gespräche würden zwei Tage dauern, sagte Minister Klaus Bergmann.\n\n\
Der Bundestag unterstützte den Vorschlag Bergmanns.",
        ("Minister Klaus Bergmann", "Minister Klaus Bergman"),
    ),
];

#[test]
fn case_forms_of_a_name_are_no_name_variant() {
    for (lang, a, b, _) in CASE_FORMS {
        let f = check(&[("a", lang, a), ("b", lang, b)]);
        assert!(kinds(&f, Kind::NameVariant).is_empty(), "{lang}: {f:#?}");
    }
}

#[test]
fn a_misspelled_name_beside_its_case_forms_is_a_name_variant() {
    for (lang, a, b, (from, to)) in CASE_FORMS {
        assert!(b.contains(from), "{lang}");
        let misspelled = b.replace(from, to);
        let f = check(&[("a", lang, a), ("b", lang, &misspelled)]);
        assert_eq!(kinds(&f, Kind::NameVariant).len(), 1, "{lang}: {f:#?}");
    }
}

#[test]
fn a_pronoun_for_a_thing_is_no_speaker() {
    // "Er" is the plan (der Plan), "elle" and "она" the reform: grammatical
    // gender, not the minister's.
    let de = "Minister Paul Girard stellte am Montag den Plan vor.\n\n\
Er soll im Juni in Kraft treten, sagte Girard.";
    let fr = "Le ministre Paul Girard a présenté lundi la réforme.\n\n\
Elle doit entrer en vigueur en juin, a dit Girard.";
    let ru = "Министр Поль Жирар в понедельник представил реформу.\n\n\
Она вступит в силу в июне, сказал Жирар.";
    for versions in [
        vec![("a", "de", de), ("b", "fr", fr)],
        vec![("a", "fr", fr), ("b", "ru", ru)],
        vec![("a", "de", de), ("b", "fr", fr), ("c", "ru", ru)],
    ] {
        let f = check(&versions);
        assert!(
            kinds(&f, Kind::PronounDrift).is_empty(),
            "{:#?}",
            errors(&f)
        );
    }
    // The speaker's own pronoun still counts: "a-t-elle dit" for him.
    let f = check(&[
        ("a", "de", &de.replace("sagte Girard", "sagte er")),
        ("b", "fr", &fr.replace("a dit Girard", "a-t-elle dit")),
    ]);
    assert_eq!(kinds(&f, Kind::PronounDrift).len(), 1, "{f:#?}");
}

// --- Russian and Ukrainian name a woman's office in the masculine ---

const EN_CLINIC: &str = "Hospital director Anna Petrenko opened the new clinic on Tuesday.\n\n\
Petrenko said she expected the first patients next week.";
const RU_CLINIC: &str = "Директор больницы Анна Петренко открыла новую клинику во вторник.\n\n\
Петренко сказала, что ждет первых пациентов на следующей неделе.";
const UK_CLINIC: &str = "Директор лікарні Анна Петренко відкрила нову клініку у вівторок.\n\n\
Петренко сказала, що чекає перших пацієнтів наступного тижня.";

#[test]
fn a_masculine_office_title_in_russian_or_ukrainian_is_no_pronoun_drift() {
    let f = check(&[
        ("a", "en", EN_CLINIC),
        ("b", "ru", RU_CLINIC),
        ("c", "uk", UK_CLINIC),
    ]);
    assert!(
        kinds(&f, Kind::PronounDrift).is_empty(),
        "{:#?}",
        errors(&f)
    );
    // A verb that makes her a man still is drift.
    let ru = RU_CLINIC.replace("Петренко сказала", "Петренко сказал");
    let f = check(&[
        ("a", "en", EN_CLINIC),
        ("b", "ru", &ru),
        ("c", "uk", UK_CLINIC),
    ]);
    let p = kinds(&f, Kind::PronounDrift);
    assert_eq!(p.len(), 1, "{f:#?}");
    assert!(
        p[0].evidence
            .iter()
            .any(|e| e.doc == "b" && e.text == "сказал")
    );
}

// --- polarity: a lost negation is outvoted by the other versions; negative
// words matched across versions; a lost negation in a relative clause ---

/// Returns the story with version `z` (of language `lang`) given `text`.
fn with<'a>(
    all: &[(&'a str, &'a str, &'a str)],
    lang: &'a str,
    text: &'a str,
) -> Vec<(&'a str, &'a str, &'a str)> {
    let mut v = all.to_vec();
    v.push(("z", lang, text));
    v
}

#[test]
fn a_lost_negation_is_outvoted_by_a_paraphrasing_sibling_and_other_languages() {
    let others = [
        (
            "a",
            "en",
            "The regional council met on Monday.\n\nThe council gave no approval to the new airport plan.\n\nA vote is due in spring.",
        ),
        (
            "b",
            "de",
            "Der Regionalrat tagte am Montag.\n\nDer Rat hat den Plan für den neuen Flughafen nicht genehmigt.\n\nEine Abstimmung folgt im Frühjahr.",
        ),
        (
            "c",
            "ru",
            "Региональный совет собрался в понедельник.\n\nСовет не одобрил план нового аэропорта.\n\nГолосование пройдёт весной.",
        ),
        (
            "d",
            "fr",
            "Le conseil régional s'est réuni lundi.\n\nLe conseil n'a pas approuvé le projet du nouvel aéroport.\n\nUn vote est prévu au printemps.",
        ),
    ];
    for (lang, faithful, lost) in [
        (
            "en",
            "The council did not approve the new airport plan.",
            "The council did approve the new airport plan.",
        ),
        (
            "de",
            "Der Rat billigte den Plan für den neuen Flughafen nicht.",
            "Der Rat billigte den Plan für den neuen Flughafen.",
        ),
        (
            "ru",
            "Совет не утвердил план нового аэропорта.",
            "Совет утвердил план нового аэропорта.",
        ),
    ] {
        let story = |claim: &str| {
            let (head, tail) = match lang {
                "en" => (
                    "The regional council met on Monday.",
                    "A vote is due in spring.",
                ),
                "de" => (
                    "Der Regionalrat tagte am Montag.",
                    "Eine Abstimmung folgt im Frühjahr.",
                ),
                _ => (
                    "Региональный совет собрался в понедельник.",
                    "Голосование пройдёт весной.",
                ),
            };
            format!("{head}\n\n{claim}\n\n{tail}")
        };
        let (f_text, l_text) = (story(faithful), story(lost));
        let f = check(&with(&others, lang, &f_text));
        assert!(
            kinds(&f, Kind::PolarityDrift).is_empty(),
            "{lang}: {:#?}",
            errors(&f)
        );
        let f = check(&with(&others, lang, &l_text));
        let p = kinds(&f, Kind::PolarityDrift);
        assert!(
            p.iter().any(|x| x.evidence.iter().any(|e| e.doc == "z")),
            "{lang}: {f:#?}"
        );
    }
}

#[test]
fn a_negation_lost_beside_a_matched_negative_word_is_polarity_drift() {
    let de = "Die Firma bestreitet die Vorwürfe: Es gab keine Absprachen mit anderen Herstellern.";
    for (lang, faithful, lost) in [
        (
            "fr",
            "L'entreprise dément les accusations : il n'y a pas eu d'entente avec d'autres fabricants.",
            "L'entreprise dément les accusations : il y a eu d'entente avec d'autres fabricants.",
        ),
        (
            "en",
            "The firm denies the charges: there were no deals with other makers.",
            "The firm denies the charges: there were deals with other makers.",
        ),
        (
            "ru",
            "Компания отрицает обвинения: сговора с другими производителями не было.",
            "Компания отрицает обвинения: сговор с другими производителями был.",
        ),
    ] {
        let f = check(&[("a", "de", de), ("b", lang, faithful)]);
        assert!(
            kinds(&f, Kind::PolarityDrift).is_empty(),
            "{lang}: {:#?}",
            errors(&f)
        );
        let f = check(&[("a", "de", de), ("b", lang, lost)]);
        assert_eq!(kinds(&f, Kind::PolarityDrift).len(), 1, "{lang}: {f:#?}");
    }
}

#[test]
fn a_negation_lost_from_a_relative_clause_is_polarity_drift() {
    let all = [
        (
            "a",
            "en",
            "Officials named two projects which were not finished on time.",
        ),
        (
            "b",
            "de",
            "Die Beamten nannten zwei Projekte, die nicht rechtzeitig fertig wurden.",
        ),
        (
            "c",
            "ru",
            "Чиновники назвали два проекта, которые не были завершены вовремя.",
        ),
        (
            "d",
            "fr",
            "Les responsables ont cité deux projets qui n'ont pas été achevés à temps.",
        ),
    ];
    let f = check(&all);
    assert!(
        kinds(&f, Kind::PolarityDrift).is_empty(),
        "{:#?}",
        errors(&f)
    );
    for (i, from, to) in [
        (1, "die nicht", "die"),
        (2, "не были", "были"),
        (3, "n'ont pas été", "ont été"),
    ] {
        let mut v = all.to_vec();
        let lost = v[i].2.replace(from, to);
        v[i].2 = &lost;
        let f = check(&v);
        let p = kinds(&f, Kind::PolarityDrift);
        assert!(
            p.iter().any(|x| x.evidence.iter().any(|e| e.doc == v[i].0)),
            "{}: {f:#?}",
            v[i].1
        );
    }
}

/// Two translations of a negated quote: when the first (the reference of
/// two) words the negation with a negative word ("impossible" for "not
/// possible"), the other's plain negation is no quote drift, as it keeps
/// the original's.
#[test]
fn a_negation_turned_into_a_negative_word_in_a_translated_quote_is_no_quote_drift() {
    let original = "Mayor Ana Ribeiro spoke on Friday.\n\n\
\"It is not possible to finish the new bridge this year,\" Ribeiro said.\n\n\
The council meets again in May.";
    for (lang, first, second) in [
        (
            "de",
            "Bürgermeisterin Ana Ribeiro sprach am Freitag.\n\n\
„Es ist nicht möglich, die neue Brücke in diesem Jahr fertigzustellen“, sagte Ribeiro.\n\n\
Der Rat tagt im Mai erneut.",
            "Am Freitag äußerte sich die Bürgermeisterin Ana Ribeiro.\n\n\
„Die neue Brücke in diesem Jahr fertigzustellen ist unmöglich“, sagte Ribeiro.\n\n\
Im Mai kommt der Stadtrat wieder zusammen.",
        ),
        (
            "fr",
            "La maire Ana Ribeiro a parlé vendredi.\n\n\
« Il n'est pas possible de terminer le nouveau pont cette année », a déclaré Ribeiro.\n\n\
Le conseil se réunira en mai.",
            "Vendredi, la maire Ana Ribeiro s'est exprimée.\n\n\
« Terminer le nouveau pont cette année est impossible », a déclaré Ribeiro.\n\n\
Le conseil municipal siégera de nouveau en mai.",
        ),
        (
            "ru",
            "Мэр Ана Рибейру выступила в пятницу.\n\n\
«Закончить новый мост в этом году не получится», — сказала Рибейру.\n\n\
Совет снова соберется в мае.",
            "В пятницу с заявлением выступила мэр Ана Рибейру.\n\n\
«Закончить новый мост в этом году невозможно», — сказала Рибейру.\n\n\
Следующее заседание совета пройдет в мае.",
        ),
    ] {
        let f = check(&[
            ("o", "en", original),
            ("a", lang, second),
            ("b", lang, first),
        ]);
        assert!(kinds(&f, Kind::QuoteDrift).is_empty(), "{lang}: {f:#?}");
    }
}

// --- quotes: numbers, names and negations two translators word each their
// own way (one family per test, each in at least three languages) ---

/// One quote of a story, in its original and in two translations into
/// another language (each a paragraph between two plain ones, so that the
/// alignment pairs them).
struct Case {
    lang: &'static str,
    original: (&'static str, &'static str),
    first: &'static str,
    second: &'static str,
    /// A real drift of the family: (original, first translation, drifted
    /// second translation); `None` fields are the faithful case's.
    drift: (Option<&'static str>, Option<&'static str>, &'static str),
}

/// The quote_drift findings of a story whose quote paragraph is `a` in one
/// version and `b` in the other, beside the original.
fn quote_drift(case: &Case, original: &str, a: &str, b: &str) -> Vec<String> {
    let story = |lang: &str, quote: &str, second: bool| -> String {
        let (before, after) = frame(lang, second);
        format!("{before}\n\n{quote}\n\n{after}")
    };
    let f = check(&[
        (
            "o",
            case.original.0,
            &story(case.original.0, original, false),
        ),
        ("a", case.lang, &story(case.lang, a, false)),
        ("b", case.lang, &story(case.lang, b, true)),
    ]);
    kinds(&f, Kind::QuoteDrift)
        .iter()
        .map(|f| f.message.to_string())
        .collect()
}

/// The plain paragraphs around a quote, in each language, as each of two
/// translators words them (two translations, not one text edited).
fn frame(lang: &str, second: bool) -> (&'static str, &'static str) {
    match (lang, second) {
        ("en", false) => (
            "The harbour authority met the shipping companies on Tuesday.",
            "The companies will answer next week.",
        ),
        ("en", true) => (
            "On Tuesday the port authority held talks with the shipowners.",
            "An answer from the firms is expected in a week.",
        ),
        ("de", false) => (
            "Die Hafenbehörde traf sich am Dienstag mit den Reedereien.",
            "Die Reedereien wollen in der nächsten Woche antworten.",
        ),
        ("de", true) => (
            "Am Dienstag verhandelte die Hafenverwaltung mit den Schiffseignern.",
            "Eine Antwort der Firmen wird in einer Woche erwartet.",
        ),
        ("ru", false) => (
            "Во вторник администрация порта встретилась с судоходными компаниями.",
            "Компании ответят на следующей неделе.",
        ),
        ("ru", true) => (
            "Портовые власти во вторник провели переговоры с судовладельцами.",
            "Ответ фирм ожидается через неделю.",
        ),
        ("fr", false) => (
            "L'autorité portuaire a rencontré mardi les compagnies maritimes.",
            "Les compagnies répondront la semaine prochaine.",
        ),
        ("fr", true) => (
            "Mardi, les autorités du port ont discuté avec les armateurs.",
            "Une réponse des entreprises est attendue dans une semaine.",
        ),
        (other, _) => panic!("no frame for {other}"),
    }
}

fn assert_family(family: &str, cases: &[Case]) {
    for case in cases {
        let found = quote_drift(case, case.original.1, case.first, case.second);
        assert!(
            found.is_empty(),
            "{family}, {}: two translations taken for drift: {found:?}",
            case.lang
        );
        let (original, first, drifted) = case.drift;
        let found = quote_drift(
            case,
            original.unwrap_or(case.original.1),
            first.unwrap_or(case.first),
            drifted,
        );
        assert_eq!(
            found.len(),
            1,
            "{family}, {}: real drift missed: {found:?}",
            case.lang
        );
    }
}

/// A number in words in one translation and in digits in the other, or
/// with another thousands mark, is one number; a vague amount or a number
/// word one translator leaves out ("in four walls") is wording; an amount
/// of another measure is no other amount ("14 days" / "two weeks").
#[test]
fn numbers_written_two_ways_are_one_number() {
    assert_family(
        "numbers",
        &[
            Case {
                lang: "en",
                original: (
                    "de",
                    "„Wir werden in diesem Jahr vierzig Schiffe in Dienst stellen“, sagte der Direktor Oskar Lind.",
                ),
                first: "\"We will put 40 ships into service this year,\" director Oskar Lind said.",
                second: "\"This year forty vessels will enter service,\" director Oskar Lind said.",
                drift: (
                    None,
                    None,
                    "\"This year 60 vessels will enter service,\" director Oskar Lind said.",
                ),
            },
            Case {
                lang: "de",
                original: (
                    "en",
                    "\"The ferry costs 1,200 euros a day and the crew will rest for 14 days,\" director Oskar Lind said.",
                ),
                first: "„Die Fähre kostet 1.200 Euro am Tag, und die Besatzung ruht 14 Tage“, sagte Direktor Oskar Lind.",
                second: "„Die Fähre kostet täglich 1200 Euro, und die Besatzung ruht zwei Wochen“, sagte Direktor Oskar Lind.",
                drift: (
                    None,
                    None,
                    "„Die Fähre kostet täglich 1500 Euro, und die Besatzung ruht zwei Wochen“, sagte Direktor Oskar Lind.",
                ),
            },
            Case {
                lang: "ru",
                original: (
                    "en",
                    "\"Thousands of sailors sat within four walls for twelve days,\" director Oskar Lind said.",
                ),
                first: "«Тысячи моряков двенадцать дней просидели в четырёх стенах», — сказал директор Оскар Линд.",
                second: "«Многие тысячи моряков 12 дней были заперты на судах», — сказал директор Оскар Линд.",
                drift: (
                    None,
                    None,
                    "«Многие тысячи моряков 20 дней были заперты на судах», — сказал директор Оскар Линд.",
                ),
            },
        ],
    );
}

/// One name in two case forms, a name and its acronym, and a capitalised
/// noun of a language that capitalises nouns are no name in place of
/// another; another place is.
#[test]
fn case_forms_acronyms_and_nouns_are_no_name_in_place_of_another() {
    assert_family(
        "names",
        &[
            Case {
                lang: "ru",
                original: (
                    "en",
                    "\"Our ships will carry grain from Europe to Egypt,\" director Oskar Lind said.",
                ),
                first: "«Наши суда будут возить зерно из Европы в Египет», — сказал директор Оскар Линд.",
                second: "«Наши корабли доставят зерно в Египет из Европы», — сказал директор Оскар Линд.",
                drift: (
                    None,
                    None,
                    "«Наши корабли доставят зерно в Марокко из Европы», — сказал директор Оскар Линд.",
                ),
            },
            Case {
                lang: "de",
                original: (
                    "en",
                    "\"The Nordic Shipping Council will open an office in Lisbon,\" director Oskar Lind said.",
                ),
                first: "„Der Nordic Shipping Council wird in Lissabon ein Büro eröffnen“, sagte Direktor Oskar Lind.",
                second: "„Der NSC wird eine Vertretung in Lissabon einrichten“, sagte Direktor Oskar Lind.",
                drift: (
                    None,
                    None,
                    "„Der NSC wird eine Vertretung in Madrid einrichten“, sagte Direktor Oskar Lind.",
                ),
            },
            Case {
                lang: "fr",
                original: (
                    "en",
                    "\"The Nordic Shipping Council will open an office in Lisbon,\" director Oskar Lind said.",
                ),
                first: "« Le Nordic Shipping Council ouvrira un bureau à Lisbonne », a déclaré le directeur Oskar Lind.",
                second: "« Le NSC installera une antenne à Lisbonne », a déclaré le directeur Oskar Lind.",
                drift: (
                    None,
                    None,
                    "« Le NSC installera une antenne à Madrid », a déclaré le directeur Oskar Lind.",
                ),
            },
        ],
    );
}

/// A negation one translator renders with a negative word, a negation in a
/// question or in "not only", and one the other translator puts outside
/// the quote marks, are no negation lost; a negation added to a plain
/// statement is.
#[test]
fn negations_worded_another_way_are_no_negation_lost() {
    assert_family(
        "negation",
        &[
            Case {
                lang: "en",
                original: (
                    "de",
                    "„Die Reedereien haben es nicht geschafft, die Löhne zu zahlen“, sagte Direktor Oskar Lind.",
                ),
                first: "\"The shipping companies did not manage to pay the wages,\" director Oskar Lind said.",
                second: "\"The shipowners failed to pay the wages,\" director Oskar Lind said.",
                drift: (
                    None,
                    None,
                    "\"The shipowners managed to pay the wages,\" director Oskar Lind said.",
                ),
            },
            Case {
                lang: "de",
                original: (
                    "en",
                    "\"Don't people wonder why the port still charges the old fees?\" director Oskar Lind asked.",
                ),
                first: "„Fragen sich die Leute nicht, warum der Hafen noch die alten Gebühren verlangt?“, fragte Direktor Oskar Lind.",
                second: "„Die Leute fragen sich, warum der Hafen weiterhin die alten Gebühren erhebt“, fragte Direktor Oskar Lind.",
                drift: (
                    Some("\"The port will keep the old fees,\" director Oskar Lind said."),
                    Some(
                        "„Der Hafen wird die alten Gebühren beibehalten“, sagte Direktor Oskar Lind.",
                    ),
                    "„Der Hafen wird die alten Gebühren nicht behalten“, sagte Direktor Oskar Lind.",
                ),
            },
            Case {
                lang: "ru",
                original: (
                    "en",
                    "\"The companies did not pay the crews,\" director Oskar Lind said.",
                ),
                first: "«Компании не заплатили экипажам», — сказал директор Оскар Линд.",
                second: "«Компании отказались платить командам», — сказал директор Оскар Линд.",
                drift: (
                    None,
                    None,
                    "«Компании заплатили командам», — сказал директор Оскар Линд.",
                ),
            },
            Case {
                lang: "fr",
                original: (
                    "en",
                    "\"Why don't the companies pay the crews?\" director Oskar Lind asked.",
                ),
                first: "« Pourquoi les compagnies ne paient-elles pas les équipages ? », a demandé le directeur Oskar Lind.",
                second: "« Qu'attendent les armateurs pour payer les marins ? », a demandé le directeur Oskar Lind.",
                drift: (
                    Some("\"The companies pay the crews,\" director Oskar Lind said."),
                    Some(
                        "« Les compagnies paient les équipages », a déclaré le directeur Oskar Lind.",
                    ),
                    "« Les armateurs ne paient pas les marins », a déclaré le directeur Oskar Lind.",
                ),
            },
            Case {
                lang: "en",
                original: (
                    "de",
                    "Direktor Oskar Lind forderte die Firmen auf, „weitere Verspätungen der Getreideschiffe“ zu verhindern.",
                ),
                first: "Director Oskar Lind urged the firms to prevent \"further delays of the grain ships\".",
                second: "Director Oskar Lind urged the firms to make sure that \"the grain ships are not delayed again\".",
                drift: (
                    Some(
                        "„Die Getreideschiffe werden im Hafen warten“, sagte Direktor Oskar Lind.",
                    ),
                    Some("\"The grain ships will wait in the port,\" director Oskar Lind said."),
                    "\"The grain ships will not stay in the port,\" director Oskar Lind said.",
                ),
            },
            Case {
                lang: "ru",
                original: (
                    "en",
                    "Director Oskar Lind asked the companies to prevent \"further delays of the grain ships\".",
                ),
                first: "Директор Оскар Линд попросил компании избежать «дальнейших задержек судов с зерном».",
                second: "Директор Оскар Линд попросил компании, чтобы «суда с зерном больше не задерживались».",
                drift: (
                    Some("\"The grain ships will wait in the port,\" director Oskar Lind said."),
                    Some("«Суда с зерном будут ждать в порту», — сказал директор Оскар Линд."),
                    "«Суда с зерном не будут стоять в порту», — сказал директор Оскар Линд.",
                ),
            },
        ],
    );
}
