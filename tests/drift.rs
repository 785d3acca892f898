//! Drift checks on small stories in several languages, each with its negative
//! twin: the same story with only form differences, which must give no drift.

#[path = "support/story.rs"]
mod story;

use driftcheck::finding::{Kind, Severity};
use story::{check, errors, kinds};

const EN: &str = "The city council met on Monday to discuss the budget. \
Council members said there is no agreement on the new tax. \
The mayor will present a revised plan next month.";

#[test]
fn polarity_flip_in_english() {
    let flipped = EN.replace("there is no agreement", "there is now an agreement");
    let f = check(&[("a", "en", EN), ("b", "en", EN), ("c", "en", &flipped)]);
    let p = kinds(&f, Kind::PolarityDrift);
    assert_eq!(p.len(), 1, "{f:#?}");
    assert_eq!(p[0].severity, Severity::Error);
    assert!(p[0].message.contains("1 version (c)"), "{}", p[0].message);
    assert!(
        p[0].evidence
            .iter()
            .any(|e| e.doc == "c" && e.text.contains("now an agreement"))
    );
    assert!(p[0].evidence.iter().any(|e| e.doc == "a"));
}

#[test]
fn polarity_twin_in_english_is_clean() {
    let twin = EN.replace("there is no agreement", "there isn't any agreement");
    let f = check(&[("a", "en", EN), ("b", "en", &twin)]);
    assert!(errors(&f).is_empty(), "{:?}", errors(&f));
}

const PT: &str = "O governo apresentou o orçamento na segunda-feira. \
O ministro disse que o parlamento não aprovou a proposta de reforma fiscal. \
A votação final será no próximo mês.";

#[test]
fn polarity_flip_in_portuguese() {
    let flipped = PT.replace("não aprovou", "aprovou");
    let f = check(&[("a", "pt", PT), ("b", "pt", &flipped)]);
    let p = kinds(&f, Kind::PolarityDrift);
    assert_eq!(p.len(), 1, "{f:#?}");
    assert_eq!(p[0].evidence.len(), 2, "both sides cited");
}

#[test]
fn polarity_twin_in_portuguese_is_clean() {
    let twin = PT.replace("não aprovou", "nunca aprovou");
    assert!(errors(&check(&[("a", "pt", PT), ("b", "pt", &twin)])).is_empty());
}

const UK: &str = "Уряд представив бюджет у понеділок. \
Міністр сказав, що парламент не схвалив реформу податків. \
Остаточне голосування відбудеться наступного місяця.";

#[test]
fn polarity_flip_in_ukrainian() {
    let flipped = UK.replace("не схвалив", "схвалив");
    let f = check(&[("a", "uk", UK), ("b", "uk", &flipped)]);
    assert_eq!(kinds(&f, Kind::PolarityDrift).len(), 1, "{f:#?}");
}

#[test]
fn antonym_flip_in_english() {
    let base = EN.replace("there is no agreement on", "they accepted");
    let turned = EN.replace("there is no agreement on", "they rejected");
    let f = check(&[("a", "en", &base), ("b", "en", &turned)]);
    assert_eq!(kinds(&f, Kind::PolarityDrift).len(), 1, "{f:#?}");
}

#[test]
fn double_negation_is_an_assertion() {
    let base = EN.replace("there is no agreement on", "they did not reject");
    let turned = EN.replace("there is no agreement on", "they rejected");
    let f = check(&[("a", "en", &base), ("b", "en", &turned)]);
    assert_eq!(kinds(&f, Kind::PolarityDrift).len(), 1, "{f:#?}");
    let same = EN.replace("there is no agreement on", "they accepted");
    assert!(errors(&check(&[("a", "en", &base), ("b", "en", &same)])).is_empty());
}

#[test]
fn additions_and_omissions() {
    let extra = format!("{EN} Protesters gathered outside the town hall on Monday evening.");
    let short = EN.replace("The mayor will present a revised plan next month.", "");
    let f = check(&[
        ("a", "en", EN),
        ("b", "en", EN),
        ("c", "en", &extra),
        ("d", "en", &short),
    ]);
    let add = kinds(&f, Kind::Addition);
    assert_eq!(add.len(), 1, "{add:#?}");
    assert_eq!(add[0].evidence[0].doc, "c");
    let om = kinds(&f, Kind::Omission);
    assert_eq!(om.len(), 1, "{om:#?}");
    assert!(om[0].message.starts_with("d omits"), "{}", om[0].message);
    // Every version that has the claim, and where the omitting one would.
    assert_eq!(om[0].evidence.len(), 4, "{om:#?}");
    let gap = om[0]
        .evidence
        .iter()
        .find(|e| e.doc == "d")
        .expect("cites the omitting version");
    assert!(gap.text.is_empty() && gap.start == gap.end);
}

#[test]
fn identical_versions_have_no_findings() {
    let f = check(&[
        ("a", "en", EN),
        ("b", "en", EN),
        ("c", "pt", PT),
        ("d", "uk", UK),
    ]);
    assert!(errors(&f).is_empty(), "{:?}", errors(&f));
}

// --- quotes, speakers, pronouns ---

const EN_QUOTE: &str = "The finance minister Laura Brennan presented the budget on Monday. \
\"We will not raise taxes this year, and we will protect pensions,\" Brennan said in parliament. \
The opposition leader Tom Halloran criticised the plan. \
\"This budget ignores the regions,\" Halloran told reporters.";

#[test]
fn quote_wording_in_english() {
    let reworded = EN_QUOTE.replace("we will protect pensions", "we will defend pensions");
    let f = check(&[
        ("a", "en", EN_QUOTE),
        ("b", "en", EN_QUOTE),
        ("c", "en", &reworded),
    ]);
    let q = kinds(&f, Kind::QuoteDrift);
    assert_eq!(q.len(), 1, "{f:#?}");
    assert_eq!(q[0].severity, Severity::Warning);
    assert!(
        q[0].message.contains("\"protect\" → \"defend\""),
        "{}",
        q[0].message
    );
    assert!(
        q[0].evidence
            .iter()
            .any(|e| e.doc == "c" && e.text.contains("defend"))
    );
    assert!(
        q[0].evidence
            .iter()
            .any(|e| e.doc == "a" && e.text.contains("protect"))
    );
}

#[test]
fn quote_twins_in_english_are_clean() {
    // Other quotation marks, and the same quote translated: no quote drift.
    let curly = EN_QUOTE
        .replace("\"We will", "“We will")
        .replace("pensions,\"", "pensions,”");
    let pt = "A ministra das Finanças, Laura Brennan, apresentou o orçamento na segunda-feira. \
\"Não vamos aumentar os impostos este ano e vamos proteger as pensões\", disse Brennan no parlamento. \
O líder da oposição, Tom Halloran, criticou o plano. \
\"Este orçamento ignora as regiões\", disse Halloran aos jornalistas.";
    let f = check(&[("a", "en", EN_QUOTE), ("b", "en", &curly), ("c", "pt", pt)]);
    assert!(kinds(&f, Kind::QuoteDrift).is_empty(), "{f:#?}");
    assert!(errors(&f).is_empty(), "{:?}", errors(&f));
}

const PT_QUOTE: &str = "O ministro da Saúde, Rui Carvalho, anunciou um novo plano na terça-feira. \
«Vamos contratar mais médicos para os hospitais do interior», afirmou Carvalho. \
A bastonária Marta Simões disse que o plano chega tarde.";

#[test]
fn quote_wording_in_portuguese() {
    let reworded = PT_QUOTE.replace("mais médicos", "novos médicos");
    let f = check(&[("a", "pt", PT_QUOTE), ("b", "pt", &reworded)]);
    assert_eq!(kinds(&f, Kind::QuoteDrift).len(), 1, "{f:#?}");
    let twin = PT_QUOTE.replace(['«', '»'], "\"");
    assert!(
        kinds(
            &check(&[("a", "pt", PT_QUOTE), ("b", "pt", &twin)]),
            Kind::QuoteDrift
        )
        .is_empty()
    );
}

const DE_QUOTE: &str = "Die Ministerin Katrin Albers hat am Mittwoch ein neues Gesetz vorgestellt. \
„Wir werden die Mieten in den großen Städten begrenzen“, sagte Albers in Berlin. \
Der Verband der Vermieter kritisierte den Entwurf.";

#[test]
fn quote_wording_in_german() {
    let reworded = DE_QUOTE.replace("begrenzen", "senken");
    let f = check(&[("a", "de", DE_QUOTE), ("b", "de", &reworded)]);
    assert_eq!(kinds(&f, Kind::QuoteDrift).len(), 1, "{f:#?}");
    let twin = DE_QUOTE.replace('„', "»").replace('“', "«");
    assert!(
        kinds(
            &check(&[("a", "de", DE_QUOTE), ("b", "de", &twin)]),
            Kind::QuoteDrift
        )
        .is_empty()
    );
}

#[test]
fn attribution_in_english() {
    let moved = EN_QUOTE.replace("Brennan said in parliament", "Halloran said in parliament");
    let f = check(&[
        ("a", "en", EN_QUOTE),
        ("b", "en", EN_QUOTE),
        ("c", "en", &moved),
    ]);
    let a = kinds(&f, Kind::AttributionDrift);
    assert_eq!(a.len(), 1, "{f:#?}");
    assert_eq!(a[0].severity, Severity::Error);
    assert!(
        a[0].message.contains("Tom Halloran") && a[0].message.contains("Laura Brennan"),
        "{}",
        a[0].message
    );
    // The frame in another order is the same attribution.
    let reordered = EN_QUOTE.replace("Brennan said in parliament", "said Brennan in parliament");
    let f = check(&[("a", "en", EN_QUOTE), ("b", "en", &reordered)]);
    assert!(kinds(&f, Kind::AttributionDrift).is_empty(), "{f:#?}");
}

#[test]
fn attribution_in_spanish() {
    let es = "La ministra de Trabajo, Elena Robles, presentó la reforma el lunes. \
\"Vamos a subir el salario mínimo un 5%\", dijo Robles en el Congreso. \
El líder sindical Jorge Benítez celebró el anuncio.";
    let moved = es.replace("dijo Robles", "dijo Benítez");
    let f = check(&[("a", "es", es), ("b", "es", es), ("c", "es", &moved)]);
    assert_eq!(kinds(&f, Kind::AttributionDrift).len(), 1, "{f:#?}");
    let twin = es.replace("dijo Robles", "afirmó Robles");
    assert!(errors(&check(&[("a", "es", es), ("b", "es", &twin)])).is_empty());
}

#[test]
fn attribution_in_ukrainian() {
    let uk = "Міністр енергетики Олег Гнатюк у вівторок представив план ремонту мереж. \
«Ми відновимо живлення до кінця тижня», — заявив Гнатюк журналістам. \
Голова комітету Ірина Лисенко сказала, що план запізнився.";
    let moved = uk.replace("заявив Гнатюк", "заявила Лисенко");
    let f = check(&[("a", "uk", uk), ("b", "uk", uk), ("c", "uk", &moved)]);
    assert_eq!(kinds(&f, Kind::AttributionDrift).len(), 1, "{f:#?}");
}

#[test]
fn pronoun_in_english() {
    let flipped = EN_QUOTE.replace("The opposition leader", "She was answered by the opposition leader")
        .replace("The finance minister Laura Brennan presented the budget on Monday.", "The finance minister Laura Brennan presented the budget on Monday, and he defended it.");
    let base = EN_QUOTE.replace(
        "The finance minister Laura Brennan presented the budget on Monday.",
        "The finance minister Laura Brennan presented the budget on Monday, and she defended it.",
    );
    let f = check(&[
        ("a", "en", &base),
        ("b", "en", &base),
        ("c", "en", &flipped),
    ]);
    let p = kinds(&f, Kind::PronounDrift);
    assert_eq!(p.len(), 1, "{f:#?}");
    assert!(p[0].evidence.iter().any(|e| e.doc == "c" && e.text == "he"));
    assert!(p[0].message.contains("Laura Brennan"), "{}", p[0].message);
}

#[test]
fn pronoun_in_portuguese() {
    let base = "A ministra Ana Ferraz visitou a fábrica na quinta-feira. Ela disse que o governo vai apoiar o setor.";
    let flipped = base.replace("Ela disse", "Ele disse");
    let f = check(&[("a", "pt", base), ("b", "pt", base), ("c", "pt", &flipped)]);
    assert_eq!(kinds(&f, Kind::PronounDrift).len(), 1, "{f:#?}");
    assert!(errors(&check(&[("a", "pt", base), ("b", "pt", base)])).is_empty());
}

#[test]
fn pronoun_in_ukrainian() {
    let base = "Міністерка Ірина Лисенко відвідала завод у четвер. Вона заявила, що уряд підтримає галузь.";
    let flipped = base.replace("Вона заявила", "Він заявив");
    let f = check(&[("a", "uk", base), ("b", "uk", base), ("c", "uk", &flipped)]);
    assert_eq!(kinds(&f, Kind::PronounDrift).len(), 1, "{f:#?}");
}

// --- numbers ---

const EN_NUM: &str = "The regional parliament approved the new budget on Tuesday. \
The plan will create 4,500 jobs in the next two years, the government said. \
Unemployment fell to 6.2 percent in March.";

#[test]
fn numeric_drift_in_english() {
    let changed = EN_NUM.replace("4,500 jobs", "5,400 jobs");
    let f = check(&[
        ("a", "en", EN_NUM),
        ("b", "en", EN_NUM),
        ("c", "en", &changed),
    ]);
    let n = kinds(&f, Kind::NumericDrift);
    assert_eq!(n.len(), 1, "{f:#?}");
    assert_eq!(n[0].severity, Severity::Error);
    assert!(
        n[0].message.contains("5,400 jobs") && n[0].message.contains("4,500 jobs"),
        "{}",
        n[0].message
    );
    assert_eq!(n[0].evidence.len(), 3);
    let pct = EN_NUM.replace("6.2 percent", "6.8 percent");
    assert_eq!(
        kinds(
            &check(&[("a", "en", EN_NUM), ("b", "en", EN_NUM), ("c", "en", &pct)]),
            Kind::NumericDrift
        )
        .len(),
        1
    );
}

#[test]
fn numeric_form_twins_are_clean() {
    // Numbers in words, other separators, other languages: one number.
    let words = EN_NUM.replace("4,500 jobs", "four thousand five hundred jobs");
    let pt = "O parlamento regional aprovou o novo orçamento na terça-feira. \
O plano vai criar 4.500 empregos nos próximos dois anos, disse o governo. \
O desemprego caiu para 6,2% em março.";
    let f = check(&[("a", "en", EN_NUM), ("b", "en", &words), ("c", "pt", pt)]);
    assert!(kinds(&f, Kind::NumericDrift).is_empty(), "{f:#?}");
}

#[test]
fn numeric_drift_across_languages() {
    let pt = "O parlamento regional aprovou o novo orçamento na terça-feira. \
O plano vai criar 4.500 empregos nos próximos dois anos, disse o governo. \
O desemprego caiu para 6,2% em março.";
    let uk = "Регіональний парламент у вівторок ухвалив новий бюджет. \
План створить 4500 робочих місць протягом наступних двох років, повідомив уряд. \
Безробіття знизилося до 6,2% у березні.";
    let changed = pt.replace("4.500 empregos", "45.000 empregos");
    let f = check(&[("a", "en", EN_NUM), ("b", "pt", &changed), ("c", "uk", uk)]);
    let n = kinds(&f, Kind::NumericDrift);
    assert_eq!(n.len(), 1, "{f:#?}");
    assert!(
        n[0].evidence
            .iter()
            .any(|e| e.doc == "b" && e.text.contains("45.000"))
    );
}

#[test]
fn numeric_drift_in_spanish_and_vague_amounts() {
    let es = "Miles de personas se manifestaron el sábado en Madrid. \
La policía detuvo a 12 manifestantes, según el ministerio.";
    let changed = es.replace("Miles de personas", "Decenas de miles de personas");
    let f = check(&[("a", "es", es), ("b", "es", es), ("c", "es", &changed)]);
    assert_eq!(kinds(&f, Kind::NumericDrift).len(), 1, "{f:#?}");
    let twin = es.replace("12 manifestantes", "doce manifestantes");
    assert!(
        kinds(
            &check(&[("a", "es", es), ("b", "es", &twin)]),
            Kind::NumericDrift
        )
        .is_empty()
    );
}

/// Counted nouns no concept maps ("-year-old", "-летний", "-tägige") and
/// numbers that count nothing named are still compared across languages
/// when the changed figure has no other partner; twins stay silent.
#[test]
fn numeric_drift_without_a_shared_concept() {
    let en = "A 41-year-old teacher was arrested in the harbour town on Sunday. \
Police said the damage came to 3.2 million after the fire.";
    let ru = "В воскресенье в портовом городе задержали 41-летнего учителя. \
По словам полиции, ущерб после пожара составил 3,2 миллиона.";
    let de = "Ein 41-jähriger Lehrer wurde am Sonntag in der Hafenstadt festgenommen. \
Nach Angaben der Polizei belief sich der Schaden nach dem Brand auf 3,2 Millionen.";
    let twins = check(&[("en", "en", en), ("ru", "ru", ru), ("de", "de", de)]);
    assert!(kinds(&twins, Kind::NumericDrift).is_empty(), "{twins:#?}");
    // An age changed in one of two versions.
    let older = ru.replace("41-летнего", "44-летнего");
    let f = check(&[("en", "en", en), ("ru", "ru", &older)]);
    let n = kinds(&f, Kind::NumericDrift);
    assert_eq!(n.len(), 1, "{f:#?}");
    assert!(n[0].evidence.iter().any(|e| e.text.contains("44")));
    // A bare amount changed against a majority.
    let more = de.replace("3,2 Millionen", "3,8 Millionen");
    let f = check(&[("en", "en", en), ("ru", "ru", ru), ("de", "de", &more)]);
    let n = kinds(&f, Kind::NumericDrift);
    assert_eq!(n.len(), 1, "{f:#?}");
    assert!(
        n[0].evidence
            .iter()
            .any(|e| e.doc == "de" && e.text.contains("3,8"))
    );
}

/// A lone figure that could pair with either of two others is not guessed
/// at.
#[test]
fn ambiguous_lone_numbers_stay_silent() {
    let en = "The index rose to 12 in the north and to 15 in the south.";
    let fr = "L'indice est monté à 13 dans le nord et au sud.";
    let f = check(&[("en", "en", en), ("fr", "fr", fr)]);
    assert!(kinds(&f, Kind::NumericDrift).is_empty(), "{f:#?}");
    // With one figure on each side, the change is reported.
    let one = "The index rose to 12 in the north and in the south.";
    let f = check(&[("en", "en", one), ("fr", "fr", fr)]);
    assert_eq!(kinds(&f, Kind::NumericDrift).len(), 1, "{f:#?}");
}

// --- dates ---

const EN_DATE: &str = "Foreign ministers will meet in Vienna on 3-4 December 2024 to discuss the crisis. \
The talks were announced on Monday by the host government. \
A first round of talks took place in February 2023.";

#[test]
fn date_drift_in_english() {
    let moved = EN_DATE.replace("on 3-4 December 2024", "on 10-11 December 2024");
    let f = check(&[
        ("a", "en", EN_DATE),
        ("b", "en", EN_DATE),
        ("c", "en", &moved),
    ]);
    let d = kinds(&f, Kind::DateDrift);
    assert_eq!(d.len(), 1, "{f:#?}");
    assert_eq!(d[0].severity, Severity::Error);
    assert!(
        d[0].evidence
            .iter()
            .any(|e| e.doc == "c" && e.text.contains("10-11 December"))
    );
    let year = EN_DATE.replace("February 2023", "February 2022");
    assert_eq!(
        kinds(
            &check(&[
                ("a", "en", EN_DATE),
                ("b", "en", EN_DATE),
                ("c", "en", &year)
            ]),
            Kind::DateDrift
        )
        .len(),
        1
    );
}

#[test]
fn date_form_twins_are_clean() {
    // Other date forms, less precision, other languages: one date.
    let us = EN_DATE.replace("on 3-4 December 2024", "on December 3-4, 2024");
    let short = EN_DATE.replace("on 3-4 December 2024", "on Dec. 3-4");
    let pt = "Os ministros dos Negócios Estrangeiros vão reunir-se em Viena nos dias 3 e 4 de dezembro de 2024 para discutir a crise. \
As conversações foram anunciadas na segunda-feira pelo governo anfitrião. \
Uma primeira ronda de conversações decorreu em fevereiro de 2023.";
    let f = check(&[
        ("a", "en", EN_DATE),
        ("b", "en", &us),
        ("c", "en", &short),
        ("d", "pt", pt),
    ]);
    assert!(kinds(&f, Kind::DateDrift).is_empty(), "{f:#?}");
}

#[test]
fn date_drift_in_german_and_ukrainian() {
    let de = "Die Außenminister treffen sich am 3. und 4. Dezember 2024 in Wien, um über die Krise zu beraten. \
Die Gespräche wurden am Montag von der Regierung angekündigt.";
    let moved = de.replace("am 3. und 4. Dezember 2024", "am 10. und 11. Dezember 2024");
    assert_eq!(
        kinds(
            &check(&[("a", "de", de), ("b", "de", de), ("c", "de", &moved)]),
            Kind::DateDrift
        )
        .len(),
        1
    );
    let uk = "Міністри закордонних справ зустрінуться у Відні 3–4 грудня 2024 року, щоб обговорити кризу. \
Про переговори в понеділок оголосив уряд.";
    let moved = uk.replace("3–4 грудня 2024 року", "10–11 грудня 2024 року");
    let f = check(&[("a", "uk", uk), ("b", "uk", uk), ("c", "uk", &moved)]);
    assert_eq!(kinds(&f, Kind::DateDrift).len(), 1, "{f:#?}");
    // Across languages: the English version moved, the others agree.
    let moved_en = EN_DATE.replace("on 3-4 December 2024", "on 10-11 December 2024");
    let f = check(&[("a", "de", de), ("b", "uk", uk), ("c", "en", &moved_en)]);
    assert_eq!(kinds(&f, Kind::DateDrift).len(), 1, "{f:#?}");
}

const FR_BOARD: &str = "Le groupe Marvello a publié ses résultats jeudi. \
Le conseil a approuvé un dividende pour les actionnaires. \
La directrice financière prévoit une hausse des ventes l'an prochain.";
const ES_BOARD: &str = "El grupo Marvello publicó sus resultados el jueves. \
El consejo aprobó un dividendo para los accionistas. \
La directora financiera prevé un aumento de las ventas el próximo año.";
const DE_BOARD: &str = "Der Konzern Marvello hat am Donnerstag seine Ergebnisse vorgelegt. \
Der Aufsichtsrat billigte eine Dividende für die Aktionäre. \
Die Finanzchefin erwartet im nächsten Jahr ein Umsatzplus.";

#[test]
fn elided_french_negation_against_other_languages() {
    let negated = FR_BOARD.replace("Le conseil a approuvé un", "Le conseil n'a pas approuvé de");
    let f = check(&[
        ("a", "es", ES_BOARD),
        ("b", "de", DE_BOARD),
        ("c", "fr", &negated),
    ]);
    let p = kinds(&f, Kind::PolarityDrift);
    assert_eq!(p.len(), 1, "{f:#?}");
    assert!(
        p[0].evidence
            .iter()
            .any(|e| e.doc == "c" && e.text.contains("n'a pas"))
    );
}

#[test]
fn elided_french_negation_twin_is_clean() {
    let f = check(&[
        ("a", "es", ES_BOARD),
        ("b", "de", DE_BOARD),
        ("c", "fr", FR_BOARD),
    ]);
    assert!(errors(&f).is_empty(), "{:#?}", errors(&f));
}

#[test]
fn a_foreign_h_written_kh_in_cyrillic_is_one_speaker() {
    // Russian writes the h of a German name with х: one person, one speaker.
    let pt = "O presidente executivo, Helmut Brandhorst, disse que a empresa vai contratar \
600 trabalhadores em Ulmenfeld.";
    let fr = "Le directeur général, Helmut Brandhorst, a déclaré que l'entreprise embaucherait \
600 salariés à Ulmenfeld.";
    let de = "Vorstandschef Helmut Brandhorst sagte, das Unternehmen werde in Ulmenfeld \
600 Mitarbeiter einstellen.";
    let ru = "Генеральный директор Хельмут Брандхорст заявил, что компания наймёт \
600 работников в городе Ульменфельд.";
    let f = check(&[
        ("a", "pt", pt),
        ("b", "fr", fr),
        ("c", "de", de),
        ("d", "ru", ru),
    ]);
    assert!(errors(&f).is_empty(), "{:#?}", errors(&f));
}

/// A figure that is one end of another version's range is a warning: the
/// versions do not contradict each other, one kept only an end. A changed
/// figure beside the same range is still an error.
#[test]
fn one_end_of_a_range_is_a_warning_and_a_changed_figure_an_error() {
    let cases = [
        (
            (
                "en",
                "Officials said the repairs will cost between 5 and 10 percent more this year.",
            ),
            (
                "de",
                "Die Behörden sagten, die Reparaturen würden dieses Jahr 10 Prozent mehr kosten.",
            ),
            (
                "de",
                "Die Behörden sagten, die Reparaturen würden dieses Jahr 12 Prozent mehr kosten.",
            ),
        ),
        (
            (
                "fr",
                "La station pompe entre 150 et 250 litres par seconde, selon l'exploitant.",
            ),
            (
                "en",
                "The station pumps 250 liters per second, according to the operator.",
            ),
            (
                "en",
                "The station pumps 350 liters per second, according to the operator.",
            ),
        ),
        (
            (
                "ru",
                "По словам врачей, пациентам от 1 до 14 лет нужна прививка.",
            ),
            (
                "en",
                "Doctors said patients aged 14 years need the vaccine.",
            ),
            (
                "en",
                "Doctors said patients aged 16 years need the vaccine.",
            ),
        ),
    ];
    warning_then_error(&cases, "one end");
}

/// One score with its sides in the other order is a warning (the teams
/// named the other way round); another score is an error.
#[test]
fn a_reversed_score_is_a_warning_and_another_score_an_error() {
    let cases = [
        (
            (
                "en",
                "The visitors won the final 3-2 after extra time on Sunday.",
            ),
            (
                "de",
                "Die Gäste gewannen das Finale am Sonntag nach Verlängerung 2:3.",
            ),
            (
                "de",
                "Die Gäste gewannen das Finale am Sonntag nach Verlängerung 4:3.",
            ),
        ),
        (
            (
                "fr",
                "Les visiteurs ont remporté la finale 3-1 dimanche après prolongation.",
            ),
            (
                "ru",
                "Гости выиграли финал в воскресенье в дополнительное время со счетом 1:3.",
            ),
            (
                "ru",
                "Гости выиграли финал в воскресенье в дополнительное время со счетом 1:4.",
            ),
        ),
    ];
    warning_then_error(&cases, "other order");
}

type Version<'a> = (&'a str, &'a str);

/// For each case (a version, its faithful counterpart, a changed one): the
/// counterpart gives one numeric warning whose message says `why`, the
/// changed version one numeric error.
fn warning_then_error(cases: &[(Version, Version, Version)], why: &str) {
    for &((la, a), (lb, b), (lc, changed)) in cases {
        let f = check(&[("a", la, a), ("b", lb, b)]);
        let n = kinds(&f, Kind::NumericDrift);
        assert_eq!(n.len(), 1, "{a} / {b}: {f:#?}");
        assert_eq!(n[0].severity, Severity::Warning, "{a} / {b}");
        assert!(n[0].message.contains(why), "{}", n[0].message);
        let f = check(&[("a", la, a), ("c", lc, changed)]);
        let n = kinds(&f, Kind::NumericDrift);
        assert_eq!(n.len(), 1, "{a} / {changed}: {f:#?}");
        assert_eq!(n[0].severity, Severity::Error, "{a} / {changed}");
    }
}
