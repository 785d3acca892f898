//! Table-driven extraction cases, one row per case:
//! `(publication date or "", input, expected)`, where `expected` lists every
//! date found as `text => date..end wd5 rel:day-1`, separated by `; `.

use super::*;
use crate::input::RawDocument;
use crate::lexicon::Lexicons;

fn doc(lang: &str, published: &str, text: &str) -> Document {
    let raw = RawDocument {
        id: "t".into(),
        text: text.into(),
        language: Some(lang.into()),
        published: (!published.is_empty()).then(|| published.to_string()),
        ..Default::default()
    };
    Document::analyze(raw, &Lexicons::embedded())
}

fn facts(lang: &str, published: &str, text: &str) -> (Document, DateFacts) {
    let lexicons = Lexicons::embedded();
    let d = doc(lang, published, text);
    let f = extract(&d, lexicons.lang(lang));
    (d, f)
}

fn render(doc: &Document, d: &DateFact) -> String {
    let mut s = format!("{} =>", doc.slice(d.span));
    if let Some(date) = d.date() {
        s += &format!(" {date}");
    }
    if let Some(end) = d.date_end() {
        s += &format!("..{end}");
    }
    if let Some(w) = d.weekday {
        s += &format!(" wd{w}");
    }
    if let Some(r) = d.relative {
        s += &format!(" rel:{:?}{:+}", r.unit, r.offset);
    }
    s
}

fn run(lang: &str, rows: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (published, input, expected) in rows {
        let (d, f) = facts(lang, published, input);
        let got: Vec<String> = f.dates.iter().map(|x| render(&d, x)).collect();
        let got = got.join("; ");
        if got != *expected {
            failures.push(format!(
                "[{lang}] {input:?}\n   expected: {expected}\n   got:      {got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Publication date used by the relative rows: a Thursday.
const PUB: &str = "2024-12-05";

#[test]
fn english() {
    run(
        "en",
        &[
            (
                "",
                "The summit on 3-4 December 2024 ended.",
                "3-4 December 2024 => 2024-12-03..2024-12-04",
            ),
            (
                "",
                "Leaders meet December 3-4, 2024 in Brussels.",
                "December 3-4, 2024 => 2024-12-03..2024-12-04",
            ),
            (
                "",
                "Talks were held Dec. 3-4 in Brussels.",
                "Dec. 3-4 => --12-03..--12-04",
            ),
            ("", "The vote is on 3 December.", "3 December => --12-03"),
            ("", "The vote is on December 3.", "December 3 => --12-03"),
            (
                "",
                "It opened on the 3rd of December.",
                "3rd of December => --12-03",
            ),
            (
                "",
                "He signed it on December 3rd, 2024.",
                "December 3rd, 2024 => 2024-12-03",
            ),
            (
                "",
                "Filed on 2024-12-03 at noon.",
                "2024-12-03 => 2024-12-03",
            ),
            ("", "Dated 25/12/2024.", "25/12/2024 => 2024-12-25"),
            ("", "Dated 12/25/2024.", "12/25/2024 => 2024-12-25"),
            ("", "Dated 03/04/2024.", "03/04/2024 => 2024"),
            (
                "",
                "Dated 12/25/2024 and 03/04/2024.",
                "12/25/2024 => 2024-12-25; 03/04/2024 => 2024-03-04",
            ),
            (
                "",
                "On 3 December and on 03/04/2024.",
                "3 December => 2024-12-03; 03/04/2024 => 2024-04-03",
            ),
            // Dots are day first even in a month-first document.
            (
                "",
                "On December 3, 2024 and on 09.02.2024.",
                "December 3, 2024 => 2024-12-03; 09.02.2024 => 2024-02-09",
            ),
            ("", "Dated 03.04.2024.", "03.04.2024 => 2024-04-03"),
            (
                "",
                "The invasion began in February 2022.",
                "February 2022 => 2022-02",
            ),
            ("", "Prices rose in 2023.", "2023 => 2023"),
            ("", "In 2023 prices rose.", "2023 => 2023"),
            ("", "Since the 2022 invasion, exports fell.", "2022 => 2022"),
            ("", "About 2000 soldiers were sent.", ""),
            ("", "Russia's 2022 invasion changed Europe.", "2022 => 2022"),
            ("", "The 2000 soldiers arrived.", ""),
            ("", "It costs $2024 and 2024.5 units.", ""),
            ("", "It may rain in May.", "May => --05"),
            ("", "You may go. March on!", ""),
            (
                "",
                "Between March and May prices fell.",
                "March and May => --03..--05",
            ),
            (
                "",
                "The fair runs from 3 to 5 December.",
                "3 to 5 December => --12-03..--12-05",
            ),
            (
                "",
                "It ran from 30 November to 2 December 2024.",
                "30 November to 2 December 2024 => 2024-11-30..2024-12-02",
            ),
            (
                "",
                "He served from 2014 to 2022.",
                "2014 to 2022 => 2014..2022",
            ),
            (
                "",
                "Sunday, December 1, 2024 was cold.",
                "Sunday, December 1, 2024 => 2024-12-01 wd7",
            ),
            ("", "Sun. and Sat. are short; the Sun.", ""),
            (
                "",
                "KYIV, Nov 14 (Reuters) - Talks began.",
                "Nov 14 => --11-14",
            ),
            ("", "The meeting starts at 10:30 and ends at 3 p.m.", ""),
            ("", "They won 3-4 in March.", "March => --03"),
            (
                PUB,
                "The minister spoke on Friday.",
                "Friday => 2024-11-29 wd5",
            ),
            (
                PUB,
                "He arrived this Friday (29).",
                "this Friday (29) => 2024-11-29 wd5 rel:Weekday+0",
            ),
            (
                PUB,
                "They meet next Friday.",
                "next Friday => 2024-12-06 wd5 rel:Weekday+1",
            ),
            (
                PUB,
                "They met last Friday.",
                "last Friday => 2024-11-29 wd5 rel:Weekday-1",
            ),
            (
                PUB,
                "It happened yesterday.",
                "yesterday => 2024-12-04 rel:Day-1",
            ),
            ("", "It happened yesterday.", "yesterday => rel:Day-1"),
            (
                PUB,
                "Talks resume next week.",
                "next week => 2024-12-09..2024-12-15 rel:Week+1",
            ),
            (
                PUB,
                "Sales fell last month.",
                "last month => 2024-11 rel:Month-1",
            ),
            (
                PUB,
                "Growth this year was weak.",
                "this year => 2024 rel:Year+0",
            ),
            (
                PUB,
                "Last year's growth was weak.",
                "Last year's => 2023 rel:Year-1",
            ),
            (
                PUB,
                "The vote is on December 3.",
                "December 3 => 2024-12-03",
            ),
            (
                PUB,
                "It was agreed 3 days ago.",
                "3 days ago => 2024-12-02 rel:Day-3",
            ),
            (
                PUB,
                "It was agreed last December.",
                "last December => 2023-12 rel:NamedMonth-1",
            ),
            (
                "2025-01-04",
                "The vote was on December 30.",
                "December 30 => 2024-12-30",
            ),
        ],
    );
}

#[test]
fn portuguese() {
    run(
        "pt",
        &[
            (
                "",
                "A cúpula de 3 e 4 de dezembro de 2024 terminou.",
                "3 e 4 de dezembro de 2024 => 2024-12-03..2024-12-04",
            ),
            ("", "Será em 3 de dezembro.", "3 de dezembro => --12-03"),
            (
                "",
                "No dia 1º de janeiro de 2025 entra em vigor.",
                "1º de janeiro de 2025 => 2025-01-01",
            ),
            (
                "",
                "A feira vai de 3 a 5 de dezembro.",
                "3 a 5 de dezembro => --12-03..--12-05",
            ),
            (
                "",
                "Entre 30 de novembro e 2 de dezembro de 2024 houve greve.",
                "30 de novembro e 2 de dezembro de 2024 => 2024-11-30..2024-12-02",
            ),
            (
                "",
                "A guerra começou em fevereiro de 2022.",
                "fevereiro de 2022 => 2022-02",
            ),
            ("", "Em 2023 a economia cresceu.", "2023 => 2023"),
            ("", "A invasão de 2022 mudou tudo.", "2022 => 2022"),
            ("", "Cerca de 2000 pessoas protestaram.", ""),
            ("", "O prazo termina em dezembro.", "dezembro => --12"),
            (
                "",
                "Publicado em 03/12/2024 às 21h50.",
                "03/12/2024 => 2024-12-03",
            ),
            ("", "A data é 2024-12-03.", "2024-12-03 => 2024-12-03"),
            (
                "",
                "Vence em 3 de mai. de 2025.",
                "3 de mai. de 2025 => 2025-05-03",
            ),
            ("", "O mar. estava calmo e o mar também.", ""),
            ("", "Na sexta-feira houve protestos.", "sexta-feira => wd5"),
            ("", "A sexta edição do festival.", ""),
            (
                "",
                "Sex., 3 de dez. de 2024",
                "Sex., 3 de dez. de 2024 => 2024-12-03 wd5",
            ),
            ("", "A votação ocorreu ontem.", "ontem => rel:Day-1"),
            (
                PUB,
                "A votação ocorreu ontem.",
                "ontem => 2024-12-04 rel:Day-1",
            ),
            (
                PUB,
                "Hoje o ministro falou.",
                "Hoje => 2024-12-05 rel:Day+0",
            ),
            (
                PUB,
                "O acordo será assinado amanhã.",
                "amanhã => 2024-12-06 rel:Day+1",
            ),
            (
                PUB,
                "A reunião será na próxima semana.",
                "próxima semana => 2024-12-09..2024-12-15 rel:Week+1",
            ),
            (
                PUB,
                "A reunião será na semana que vem.",
                "semana que vem => 2024-12-09..2024-12-15 rel:Week+1",
            ),
            (
                PUB,
                "As vendas caíram no mês passado.",
                "mês passado => 2024-11 rel:Month-1",
            ),
            (
                PUB,
                "O PIB cresceu no ano passado.",
                "ano passado => 2023 rel:Year-1",
            ),
            (
                PUB,
                "O ministro chegou nesta sexta-feira (29).",
                "nesta sexta-feira (29) => 2024-11-29 wd5 rel:Weekday+0",
            ),
            (
                PUB,
                "O ministro falou na sexta-feira.",
                "sexta-feira => 2024-11-29 wd5",
            ),
            (
                PUB,
                "O ministro falou na sexta passada.",
                "sexta passada => 2024-11-29 wd5 rel:Weekday-1",
            ),
            (
                PUB,
                "Será em 20 de dezembro.",
                "20 de dezembro => 2024-12-20",
            ),
            ("", "O jogo começa às 16h e termina às 18h30.", ""),
            (
                "",
                "Entre março e maio os preços caíram.",
                "março e maio => --03..--05",
            ),
        ],
    );
}

#[test]
fn spanish() {
    run(
        "es",
        &[
            (
                "",
                "La cumbre del 3 y 4 de diciembre de 2024 terminó.",
                "3 y 4 de diciembre de 2024 => 2024-12-03..2024-12-04",
            ),
            (
                "",
                "Será el 3 de diciembre de 2024.",
                "3 de diciembre de 2024 => 2024-12-03",
            ),
            ("", "Será el 3 de diciembre.", "3 de diciembre => --12-03"),
            (
                "",
                "La feria va del 3 al 5 de diciembre.",
                "3 al 5 de diciembre => --12-03..--12-05",
            ),
            ("", "Será el 1º de enero.", "1º de enero => --01-01"),
            (
                "",
                "La guerra empezó en febrero de 2022.",
                "febrero de 2022 => 2022-02",
            ),
            ("", "En 2023 la economía creció.", "2023 => 2023"),
            ("", "Unas 2000 personas protestaron.", ""),
            ("", "Las elecciones serán en mayo.", "mayo => --05"),
            ("", "Fechado el 25/12/2024.", "25/12/2024 => 2024-12-25"),
            ("", "Fechado el 03.12.2024.", "03.12.2024 => 2024-12-03"),
            ("", "El mar. y el mar estaban tranquilos.", ""),
            ("", "El viernes hubo protestas.", "viernes => wd5"),
            (
                "",
                "Vie., 3 de dic. de 2024",
                "Vie., 3 de dic. de 2024 => 2024-12-03 wd5",
            ),
            (
                "",
                "Entre marzo y mayo cayeron los precios.",
                "marzo y mayo => --03..--05",
            ),
            (
                "",
                "Del 30 de noviembre al 2 de diciembre de 2024.",
                "30 de noviembre al 2 de diciembre de 2024 => 2024-11-30..2024-12-02",
            ),
            (PUB, "La votación fue ayer.", "ayer => 2024-12-04 rel:Day-1"),
            (PUB, "Hoy habló el ministro.", "Hoy => 2024-12-05 rel:Day+0"),
            (
                PUB,
                "El acuerdo se firmará mañana.",
                "mañana => 2024-12-06 rel:Day+1",
            ),
            (PUB, "Llegó por la mañana.", ""),
            (
                PUB,
                "La reunión será la próxima semana.",
                "próxima semana => 2024-12-09..2024-12-15 rel:Week+1",
            ),
            (
                PUB,
                "Las ventas cayeron el mes pasado.",
                "mes pasado => 2024-11 rel:Month-1",
            ),
            (
                PUB,
                "El PIB creció el año pasado.",
                "año pasado => 2023 rel:Year-1",
            ),
            (
                PUB,
                "El ministro habló el viernes.",
                "viernes => 2024-11-29 wd5",
            ),
            (
                PUB,
                "Se reunirán el próximo viernes.",
                "próximo viernes => 2024-12-06 wd5 rel:Weekday+1",
            ),
            (
                PUB,
                "Se reunieron el viernes pasado.",
                "viernes pasado => 2024-11-29 wd5 rel:Weekday-1",
            ),
            (
                PUB,
                "Hace 3 días se firmó.",
                "Hace 3 días => 2024-12-02 rel:Day-3",
            ),
            ("", "El partido empieza a las 21:30 horas.", ""),
        ],
    );
}

#[test]
fn german() {
    run(
        "de",
        &[
            (
                "",
                "Der Gipfel am 3.–4. Dezember 2024 endete.",
                "3.–4. Dezember 2024 => 2024-12-03..2024-12-04",
            ),
            (
                "",
                "Das Treffen ist am 3. Dezember.",
                "3. Dezember => --12-03",
            ),
            (
                "",
                "Das Treffen ist am 3. Dezember 2024.",
                "3. Dezember 2024 => 2024-12-03",
            ),
            (
                "",
                "Die Messe dauert vom 3. bis 5. Dezember.",
                "3. bis 5. Dezember => --12-03..--12-05",
            ),
            (
                "",
                "Der Krieg begann im Februar 2022.",
                "Februar 2022 => 2022-02",
            ),
            ("", "Im Jahr 2023 wuchs die Wirtschaft.", "2023 => 2023"),
            ("", "Seit 2014 herrscht Krieg.", "2014 => 2014"),
            ("", "Etwa 2000 Menschen protestierten.", ""),
            ("", "Die Wahl ist im Mai.", "Mai => --05"),
            ("", "Die Wahl war im Mai 2024.", "Mai 2024 => 2024-05"),
            ("", "Datiert 03.12.2024.", "03.12.2024 => 2024-12-03"),
            ("", "Am 1.12.2024 um 10.30 Uhr.", "1.12.2024 => 2024-12-01"),
            ("", "Die Sitzung beginnt um 15 Uhr.", ""),
            ("", "Am Freitag gab es Proteste.", "Freitag => wd5"),
            ("", "Freitags ist der Markt geöffnet.", ""),
            (
                "",
                "Freitag, 3. Dezember 2024",
                "Freitag, 3. Dezember 2024 => 2024-12-03 wd5",
            ),
            (
                "",
                "Zwischen März und Mai fielen die Preise.",
                "März und Mai => --03..--05",
            ),
            (
                "",
                "Vom 30. November bis 2. Dezember 2024.",
                "30. November bis 2. Dezember 2024 => 2024-11-30..2024-12-02",
            ),
            (
                PUB,
                "Die Abstimmung war gestern.",
                "gestern => 2024-12-04 rel:Day-1",
            ),
            (
                PUB,
                "Heute sprach der Minister.",
                "Heute => 2024-12-05 rel:Day+0",
            ),
            (
                PUB,
                "Der Vertrag wird morgen unterzeichnet.",
                "morgen => 2024-12-06 rel:Day+1",
            ),
            (PUB, "Er kam am Morgen an.", ""),
            (
                PUB,
                "Das Treffen ist nächste Woche.",
                "nächste Woche => 2024-12-09..2024-12-15 rel:Week+1",
            ),
            (
                PUB,
                "Der Umsatz fiel letzten Monat.",
                "letzten Monat => 2024-11 rel:Month-1",
            ),
            (
                PUB,
                "Die Wirtschaft wuchs im vergangenen Jahr.",
                "vergangenen Jahr => 2023 rel:Year-1",
            ),
            (
                PUB,
                "Der Minister sprach am Freitag.",
                "Freitag => 2024-11-29 wd5",
            ),
            (
                PUB,
                "Sie treffen sich nächsten Freitag.",
                "nächsten Freitag => 2024-12-06 wd5 rel:Weekday+1",
            ),
            (
                PUB,
                "Das war vor 3 Tagen.",
                "vor 3 Tagen => 2024-12-02 rel:Day-3",
            ),
            (
                PUB,
                "Das Treffen ist am 20. Dezember.",
                "20. Dezember => 2024-12-20",
            ),
        ],
    );
}

#[test]
fn french() {
    run(
        "fr",
        &[
            (
                "",
                "Les 3 et 4 décembre 2024, le sommet a eu lieu.",
                "3 et 4 décembre 2024 => 2024-12-03..2024-12-04",
            ),
            (
                "",
                "Le sommet aura lieu le 3 décembre 2024.",
                "3 décembre 2024 => 2024-12-03",
            ),
            ("", "Le vote a lieu le 3 décembre.", "3 décembre => --12-03"),
            (
                "",
                "Le 1er janvier 2025 entre en vigueur.",
                "1er janvier 2025 => 2025-01-01",
            ),
            (
                "",
                "Le salon se tient du 3 au 5 décembre.",
                "3 au 5 décembre => --12-03..--12-05",
            ),
            (
                "",
                "La guerre a commencé en février 2022.",
                "février 2022 => 2022-02",
            ),
            ("", "En 2023 l'économie a progressé.", "2023 => 2023"),
            ("", "Environ 2000 personnes ont manifesté.", ""),
            ("", "Les élections auront lieu en mai.", "mai => --05"),
            ("", "Le vote aura lieu en juin.", "juin => --06"),
            (
                "",
                "Le vote aura lieu en juin 2025.",
                "juin 2025 => 2025-06",
            ),
            (
                "",
                "Le vote, en juin, suit celui du 3 mars 2025.",
                "juin => 2025-06; 3 mars 2025 => 2025-03-03",
            ),
            ("", "Le vote aura lieu en mars.", "mars => --03"),
            ("", "Mars est une planète.", ""),
            (
                "",
                "Daté du 03/12/2024 à 21h50.",
                "03/12/2024 => 2024-12-03",
            ),
            (
                "",
                "Vendredi, il y a eu des manifestations.",
                "Vendredi => wd5",
            ),
            (
                "",
                "Vendredi 3 décembre 2024",
                "Vendredi 3 décembre 2024 => 2024-12-03 wd5",
            ),
            (
                "",
                "Entre mars et mai les prix ont baissé.",
                "mars et mai => --03..--05",
            ),
            (
                "",
                "Du 30 novembre au 2 décembre 2024.",
                "30 novembre au 2 décembre 2024 => 2024-11-30..2024-12-02",
            ),
            (
                PUB,
                "Le vote a eu lieu hier.",
                "hier => 2024-12-04 rel:Day-1",
            ),
            (
                PUB,
                "Aujourd'hui le ministre a parlé.",
                "Aujourd'hui => 2024-12-05 rel:Day+0",
            ),
            (
                PUB,
                "L'accord sera signé demain.",
                "demain => 2024-12-06 rel:Day+1",
            ),
            (
                PUB,
                "La réunion aura lieu la semaine prochaine.",
                "semaine prochaine => 2024-12-09..2024-12-15 rel:Week+1",
            ),
            (
                PUB,
                "Les ventes ont baissé le mois dernier.",
                "mois dernier => 2024-11 rel:Month-1",
            ),
            (
                PUB,
                "Le PIB a progressé l'année dernière.",
                "l'année dernière => 2023 rel:Year-1",
            ),
            (
                PUB,
                "Le ministre a parlé vendredi.",
                "vendredi => 2024-11-29 wd5",
            ),
            (
                PUB,
                "Ils se réuniront vendredi prochain.",
                "vendredi prochain => 2024-12-06 wd5 rel:Weekday+1",
            ),
            (
                PUB,
                "Ils se sont réunis vendredi dernier.",
                "vendredi dernier => 2024-11-29 wd5 rel:Weekday-1",
            ),
            (
                PUB,
                "Il y a 3 jours, l'accord a été signé.",
                "Il y a 3 jours => 2024-12-02 rel:Day-3",
            ),
            ("", "Le match commence à 20 h 45.", ""),
            (
                PUB,
                "Il est arrivé ce vendredi (29).",
                "ce vendredi (29) => 2024-11-29 wd5 rel:Weekday+0",
            ),
            (
                "",
                "Il est arrivé ce vendredi (29).",
                "ce vendredi (29) => wd5 rel:Weekday+0",
            ),
        ],
    );
}

#[test]
fn italian() {
    run(
        "it",
        &[
            (
                "",
                "Il vertice del 3 e 4 dicembre 2024 si è concluso.",
                "3 e 4 dicembre 2024 => 2024-12-03..2024-12-04",
            ),
            ("", "Il voto è il 3 dicembre.", "3 dicembre => --12-03"),
            (
                "",
                "Il voto è il 3 dicembre 2024.",
                "3 dicembre 2024 => 2024-12-03",
            ),
            (
                "",
                "La fiera va dal 3 al 5 dicembre.",
                "3 al 5 dicembre => --12-03..--12-05",
            ),
            (
                "",
                "Il 1º gennaio 2025 entra in vigore.",
                "1º gennaio 2025 => 2025-01-01",
            ),
            (
                "",
                "La guerra è iniziata nel febbraio 2022.",
                "febbraio 2022 => 2022-02",
            ),
            ("", "Nel 2023 l'economia è cresciuta.", "2023 => 2023"),
            ("", "Circa 2000 persone hanno protestato.", ""),
            ("", "Le elezioni saranno a maggio.", "maggio => --05"),
            ("", "Datato 03/12/2024.", "03/12/2024 => 2024-12-03"),
            ("", "Il mar. era calmo.", ""),
            ("", "Venerdì ci sono state proteste.", "Venerdì => wd5"),
            (
                "",
                "Venerdì 3 dicembre 2024",
                "Venerdì 3 dicembre 2024 => 2024-12-03 wd5",
            ),
            (
                "",
                "Tra marzo e maggio i prezzi sono scesi.",
                "marzo e maggio => --03..--05",
            ),
            (
                "",
                "Dal 30 novembre al 2 dicembre 2024.",
                "30 novembre al 2 dicembre 2024 => 2024-11-30..2024-12-02",
            ),
            (PUB, "Il voto è stato ieri.", "ieri => 2024-12-04 rel:Day-1"),
            (
                PUB,
                "Oggi il ministro ha parlato.",
                "Oggi => 2024-12-05 rel:Day+0",
            ),
            (
                PUB,
                "L'accordo sarà firmato domani.",
                "domani => 2024-12-06 rel:Day+1",
            ),
            (
                PUB,
                "La riunione sarà la settimana prossima.",
                "settimana prossima => 2024-12-09..2024-12-15 rel:Week+1",
            ),
            (
                PUB,
                "Le vendite sono calate il mese scorso.",
                "mese scorso => 2024-11 rel:Month-1",
            ),
            (
                PUB,
                "Il PIL è cresciuto l'anno scorso.",
                "l'anno scorso => 2023 rel:Year-1",
            ),
            (
                PUB,
                "Il ministro ha parlato venerdì.",
                "venerdì => 2024-11-29 wd5",
            ),
            (
                PUB,
                "Si incontreranno venerdì prossimo.",
                "venerdì prossimo => 2024-12-06 wd5 rel:Weekday+1",
            ),
            (
                PUB,
                "Si sono incontrati venerdì scorso.",
                "venerdì scorso => 2024-11-29 wd5 rel:Weekday-1",
            ),
            (
                PUB,
                "L'accordo è stato firmato 3 giorni fa.",
                "3 giorni fa => 2024-12-02 rel:Day-3",
            ),
            (
                PUB,
                "Il voto è il 20 dicembre.",
                "20 dicembre => 2024-12-20",
            ),
            ("", "La partita inizia alle 20:45.", ""),
        ],
    );
}

#[test]
fn ukrainian() {
    run(
        "uk",
        &[
            (
                "",
                "Саміт 3–4 грудня 2024 року завершився.",
                "3–4 грудня 2024 року => 2024-12-03..2024-12-04",
            ),
            (
                "",
                "Голосування відбудеться 3 грудня.",
                "3 грудня => --12-03",
            ),
            (
                "",
                "Ярмарок триватиме з 3 по 5 грудня.",
                "3 по 5 грудня => --12-03..--12-05",
            ),
            (
                "",
                "Війна почалася у лютому 2022 року.",
                "лютому 2022 року => 2022-02",
            ),
            (
                "",
                "Повномасштабне вторгнення почалося 24 лютого 2022 року.",
                "24 лютого 2022 року => 2022-02-24",
            ),
            ("", "У 2023 році економіка зросла.", "2023 році => 2023"),
            ("", "Близько 2000 людей протестували.", ""),
            ("", "Вибори відбудуться у травні.", "травні => --05"),
            (
                "",
                "Ціни зросли з лютого 2022 року.",
                "лютого 2022 року => 2022-02",
            ),
            ("", "Датовано 03.12.2024.", "03.12.2024 => 2024-12-03"),
            ("", "У п'ятницю відбулися протести.", "п'ятницю => wd5"),
            ("", "У п’ятницю відбулися протести.", "п’ятницю => wd5"),
            (
                "",
                "П'ятниця, 3 грудня 2024 року",
                "П'ятниця, 3 грудня 2024 року => 2024-12-03 wd5",
            ),
            (
                "",
                "Між березнем і травнем ціни впали.",
                "березнем і травнем => --03..--05",
            ),
            (
                "",
                "З 30 листопада по 2 грудня 2024 року.",
                "30 листопада по 2 грудня 2024 року => 2024-11-30..2024-12-02",
            ),
            ("", "Засідання почнеться о 10:30.", ""),
            (
                "",
                "3-го грудня відбудеться засідання.",
                "3-го грудня => --12-03",
            ),
            (
                PUB,
                "Голосування відбулося вчора.",
                "вчора => 2024-12-04 rel:Day-1",
            ),
            (
                PUB,
                "Сьогодні міністр виступив.",
                "Сьогодні => 2024-12-05 rel:Day+0",
            ),
            (
                PUB,
                "Угоду підпишуть завтра.",
                "завтра => 2024-12-06 rel:Day+1",
            ),
            (
                PUB,
                "Зустріч відбудеться наступного тижня.",
                "наступного тижня => 2024-12-09..2024-12-15 rel:Week+1",
            ),
            (
                PUB,
                "Продажі впали минулого місяця.",
                "минулого місяця => 2024-11 rel:Month-1",
            ),
            (
                PUB,
                "ВВП зріс минулого року.",
                "минулого року => 2023 rel:Year-1",
            ),
            (
                PUB,
                "Міністр виступив у п'ятницю.",
                "п'ятницю => 2024-11-29 wd5",
            ),
            (
                PUB,
                "Вони зустрінуться наступної п'ятниці.",
                "наступної п'ятниці => 2024-12-06 wd5 rel:Weekday+1",
            ),
            (
                PUB,
                "Вони зустрілися минулої п'ятниці.",
                "минулої п'ятниці => 2024-11-29 wd5 rel:Weekday-1",
            ),
            (
                PUB,
                "Угоду підписали 3 дні тому.",
                "3 дні тому => 2024-12-02 rel:Day-3",
            ),
            (
                PUB,
                "Голосування відбудеться 20 грудня.",
                "20 грудня => 2024-12-20",
            ),
        ],
    );
}

#[test]
fn russian() {
    run(
        "ru",
        &[
            (
                "",
                "Саммит 3-4 декабря 2024 года завершился.",
                "3-4 декабря 2024 года => 2024-12-03..2024-12-04",
            ),
            ("", "Голосование пройдет 3 декабря.", "3 декабря => --12-03"),
            (
                "",
                "Ярмарка продлится с 3 по 5 декабря.",
                "3 по 5 декабря => --12-03..--12-05",
            ),
            (
                "",
                "Война началась в феврале 2022 года.",
                "феврале 2022 года => 2022-02",
            ),
            ("", "В 2023 году экономика выросла.", "2023 году => 2023"),
            ("", "В 2023 г. экономика выросла.", "2023 г. => 2023"),
            ("", "Около 2000 человек вышли на протест.", ""),
            ("", "До 2000 человек вышли на протест.", ""),
            ("", "Выборы пройдут в мае.", "мае => --05"),
            ("", "Датировано 03.12.2024.", "03.12.2024 => 2024-12-03"),
            ("", "В пятницу прошли протесты.", "пятницу => wd5"),
            ("", "Окружающая среда важна.", ""),
            (
                "",
                "Между мартом и маем цены упали.",
                "мартом и маем => --03..--05",
            ),
            ("", "В среду прошли протесты.", "среду => wd3"),
            (
                "",
                "Пятница, 3 декабря 2024 года",
                "Пятница, 3 декабря 2024 года => 2024-12-03 wd5",
            ),
            (
                "",
                "С 30 ноября по 2 декабря 2024 года.",
                "30 ноября по 2 декабря 2024 года => 2024-11-30..2024-12-02",
            ),
            ("", "Заседание начнется в 10:30.", ""),
            (
                "",
                "3-го декабря пройдет заседание.",
                "3-го декабря => --12-03",
            ),
            (
                PUB,
                "Голосование прошло вчера.",
                "вчера => 2024-12-04 rel:Day-1",
            ),
            (
                PUB,
                "Сегодня министр выступил.",
                "Сегодня => 2024-12-05 rel:Day+0",
            ),
            (
                PUB,
                "Соглашение подпишут завтра.",
                "завтра => 2024-12-06 rel:Day+1",
            ),
            (
                PUB,
                "Встреча пройдет на следующей неделе.",
                "на следующей неделе => 2024-12-09..2024-12-15 rel:Week+1",
            ),
            (
                PUB,
                "Продажи упали в прошлом месяце.",
                "в прошлом месяце => 2024-11 rel:Month-1",
            ),
            (
                PUB,
                "ВВП вырос в прошлом году.",
                "в прошлом году => 2023 rel:Year-1",
            ),
            (
                PUB,
                "Министр выступил в пятницу.",
                "пятницу => 2024-11-29 wd5",
            ),
            (
                PUB,
                "Они встретятся в следующую пятницу.",
                "в следующую пятницу => 2024-12-06 wd5 rel:Weekday+1",
            ),
            (
                PUB,
                "Они встретились в прошлую пятницу.",
                "в прошлую пятницу => 2024-11-29 wd5 rel:Weekday-1",
            ),
            (
                PUB,
                "Соглашение подписали 3 дня назад.",
                "3 дня назад => 2024-12-02 rel:Day-3",
            ),
            (
                PUB,
                "Голосование пройдет 20 декабря.",
                "20 декабря => 2024-12-20",
            ),
        ],
    );
}

/// The one date of a short text.
fn one(lang: &str, published: &str, text: &str) -> DateFact {
    let (_, f) = facts(lang, published, text);
    assert_eq!(f.dates.len(), 1, "{lang} {text:?}: {:?}", f.dates);
    f.dates[0].clone()
}

#[test]
fn one_date_in_many_forms_is_compatible() {
    let forms = [
        ("en", "3-4 December 2024"),
        ("en", "December 3-4, 2024"),
        ("en", "December 3-4"),
        ("en", "Dec. 3-4"),
        ("pt", "3 e 4 de dezembro de 2024"),
        ("es", "3 y 4 de diciembre"),
        ("de", "3.–4. Dezember"),
        ("fr", "les 3 et 4 décembre"),
        ("it", "3 e 4 dicembre"),
        ("uk", "3–4 грудня 2024"),
        ("ru", "3-4 декабря 2024 года"),
    ];
    let other = [
        ("en", "10-11 December"),
        ("pt", "10 e 11 de dezembro de 2024"),
        ("uk", "3–4 листопада"),
    ];
    for (la, a) in forms {
        let fa = one(la, "", a);
        for (lb, b) in forms {
            let fb = one(lb, "", b);
            assert!(fa.compatible(&fb) && fb.compatible(&fa), "{a} ~ {b}");
        }
        for (lb, b) in other {
            let fb = one(lb, "", b);
            assert!(fa.conflicts(&fb) && fb.conflicts(&fa), "{a} vs {b}");
        }
    }
}

#[test]
fn conflicts_table() {
    // (published, lang a, text a, lang b, text b, conflicts)
    let rows = [
        ("", "en", "3 December 2024", "en", "in 2024", false),
        ("", "en", "3 December 2024", "en", "in 2023", true),
        ("", "en", "3 December 2024", "pt", "dezembro de 2024", false),
        ("", "en", "3 December 2024", "de", "3. Dezember 2023", true),
        ("", "en", "3 December", "en", "4 December", true),
        ("", "en", "3 December", "pt", "3 e 4 de dezembro", false),
        ("", "en", "5 December", "en", "3-4 December", true),
        ("", "en", "3-4 December", "en", "4-5 December", true),
        ("", "en", "in December", "fr", "3 décembre 2024", false),
        ("", "en", "on Friday", "en", "29 November 2024", false),
        ("", "en", "on Friday", "en", "30 November 2024", true),
        ("", "en", "on Friday", "ru", "в субботу", true),
        ("", "en", "yesterday", "es", "hoy", true),
        ("", "en", "yesterday", "en", "last week", false),
        ("", "en", "yesterday", "en", "3 December", false),
        (PUB, "en", "yesterday", "it", "4 dicembre", false),
        (PUB, "en", "yesterday", "it", "5 dicembre", true),
        (
            "",
            "pt",
            "nesta sexta-feira (29)",
            "en",
            "29 November",
            false,
        ),
        (
            "",
            "pt",
            "nesta sexta-feira (29)",
            "en",
            "30 November",
            true,
        ),
        (
            "",
            "en",
            "30 December to 2 January",
            "en",
            "1 January",
            false,
        ),
        (
            "",
            "en",
            "30 December to 2 January",
            "en",
            "3 January",
            true,
        ),
        ("", "en", "between March and May", "uk", "у квітні", false),
        ("", "en", "between March and May", "uk", "у червні", true),
    ];
    for (published, la, a, lb, b, conflict) in rows {
        let (fa, fb) = (one(la, published, a), one(lb, published, b));
        assert_eq!(fa.conflicts(&fb), conflict, "{a} vs {b}");
        assert_eq!(fb.conflicts(&fa), conflict, "{b} vs {a}");
        assert_eq!(fa.compatible(&fb), !conflict, "{a} ~ {b}");
    }
}

#[test]
fn dateline_gives_the_reference_date() {
    let text = "KYIV, Nov 14, 2024 (Reuters) - The minister said on Friday that talks went on.\n\n\
                The talks resume next week.";
    let (d, f) = facts("en", "", text);
    assert_eq!(f.reference, Some(PartialDate::ymd(2024, 11, 14)));
    let got: Vec<String> = f.dates.iter().map(|x| render(&d, x)).collect();
    assert_eq!(
        got,
        [
            "Nov 14, 2024 => 2024-11-14",
            "Friday => 2024-11-08 wd5",
            "next week => 2024-11-18..2024-11-24 rel:Week+1"
        ]
    );
    assert!(f.dates[1].resolved && !f.dates[0].resolved);
}

#[test]
fn published_wins_and_boilerplate_is_flagged() {
    let text =
        "Publicado em 28/11/2024\n\nO ministro falou ontem com os colegas sobre o orçamento.";
    let (d, f) = facts("pt", "2024-11-29T21:50:00Z", text);
    assert_eq!(f.reference, Some(PartialDate::ymd(2024, 11, 29)));
    assert!(f.dates[0].boilerplate, "{:?}", d.boilerplate);
    assert_eq!(f.dates[1].date().as_deref(), Some("2024-11-28"));
    assert!(!f.dates[1].boilerplate);
}

#[test]
fn times_are_recorded_not_dated() {
    let cases = [
        (
            "en",
            "at 10:30 and 3 p.m. and 11.45 am",
            vec![(10, 30), (15, 0), (11, 45)],
        ),
        ("pt", "às 21h50 e às 16h", vec![(21, 50), (16, 0)]),
        ("de", "um 10.30 Uhr und 15 Uhr", vec![(10, 30), (15, 0)]),
        ("fr", "à 20 h 45 et à 10h30", vec![(20, 45), (10, 30)]),
        ("uk", "о 10:30 та о 15 годині", vec![(10, 30), (15, 0)]),
    ];
    for (lang, text, expected) in cases {
        let (d, f) = facts(lang, "", text);
        assert!(f.dates.is_empty(), "{text}: {:?}", f.dates);
        let got: Vec<(u8, u8)> = f.times.iter().map(|t| (t.hour, t.minute)).collect();
        assert_eq!(got, expected, "{text}");
        assert!(covers(&f.dates, &f.times, f.times[0].span));
        assert!(f.times.iter().all(|t| {
            d.slice(t.span)
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        }));
    }
}

#[test]
fn iso_renderings() {
    let p = |year, month, day| PartialDate { year, month, day };
    assert_eq!(p(Some(2024), None, None).iso().as_deref(), Some("2024"));
    assert_eq!(
        p(Some(2024), Some(12), None).iso().as_deref(),
        Some("2024-12")
    );
    assert_eq!(p(None, Some(12), Some(3)).iso().as_deref(), Some("--12-03"));
    assert_eq!(p(None, None, Some(29)).iso().as_deref(), Some("---29"));
    assert_eq!(p(None, None, None).iso(), None);
    assert_eq!(
        parse_published("2024-11-29T21:50:00+02:00"),
        Some(PartialDate::ymd(2024, 11, 29))
    );
    assert_eq!(parse_published("2024-02-30"), None);
    assert_eq!(parse_published("29/11/2024"), None);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn pieces() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "3",
            "4",
            "12",
            "29",
            "2024",
            "1999",
            "-",
            "–",
            ".",
            "/",
            ",",
            "(",
            ")",
            ":",
            " ",
            "\n\n",
            "December",
            "Dec",
            "de",
            "dezembro",
            "грудня",
            "декабря",
            "року",
            "Friday",
            "sexta-feira",
            "п'ятницю",
            "next",
            "week",
            "h",
            "Uhr",
            "p.m.",
            "3rd",
            "of",
            "e",
            "bis",
            "по",
            "é",
            "ß",
            "🙂",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn spans_are_exact_slices(text in prop_oneof![any::<String>(), "\\PC{0,80}", pieces()]) {
            for lang in crate::lexicon::LANGUAGES {
                let (d, f) = facts(lang, "2024-12-05", &text);
                for span in f.dates.iter().map(|x| x.span).chain(f.times.iter().map(|t| t.span)) {
                    prop_assert!(span.start < span.end && span.end <= text.len());
                    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                    prop_assert_eq!(d.slice(span), &text[span.start..span.end]);
                }
                for x in &f.dates {
                    let _ = (x.date(), x.date_end());
                    prop_assert!(x.compatible(x) || x.end.is_some());
                }
            }
        }
    }
}

#[test]
fn capitalised_relative_words_mid_sentence_are_names() {
    run(
        "en",
        &[
            (PUB, "Read it in Japan Today or USA Today.", ""),
            (
                PUB,
                "Today the minister spoke.",
                "Today => 2024-12-05 rel:Day+0",
            ),
            (
                PUB,
                "He said: \"Tomorrow we vote.\"",
                "Tomorrow => 2024-12-06 rel:Day+1",
            ),
        ],
    );
}

#[test]
fn the_first_lines_of_a_page_may_carry_its_date() {
    let text = "Headline of the page\n\nhttps://example.org/a/b\nSome Media Group\nPolitics\n29/11/2024 21h50\n\n\
                The minister spoke on Friday about the budget and the vote next week.";
    let (_, f) = facts("en", "", text);
    assert_eq!(f.reference, Some(PartialDate::ymd(2024, 11, 29)));
    assert_eq!(f.dates[1].date().as_deref(), Some("2024-11-29"));
}

#[test]
fn every_language_has_the_basic_relative_phrases() {
    use super::lexicon::Offset;
    let lexicons = Lexicons::embedded();
    let units = [
        (RelativeUnit::Day, [-1, 0, 1]),
        (RelativeUnit::Week, [-1, 0, 1]),
        (RelativeUnit::Month, [-1, 0, 1]),
        (RelativeUnit::Year, [-1, 0, 1]),
    ];
    for lang in crate::lexicon::LANGUAGES {
        let rules = &lexicons.lang(lang).dates.relative;
        let has = |unit, offset| {
            rules
                .iter()
                .any(|r| r.meaning == Some((unit, Offset::Fixed(offset))))
        };
        for (unit, offsets) in units {
            for offset in offsets {
                assert!(has(unit, offset), "{lang} lacks {unit:?} {offset}");
            }
        }
        assert!(
            has(RelativeUnit::Weekday, -1) && has(RelativeUnit::Weekday, 1),
            "{lang} weekdays"
        );
    }
}

#[test]
fn ordinal_marks_and_glued_month_preps() {
    run(
        "en",
        &[
            (
                "",
                "Talks resume in mid-December 2025.",
                "mid-December 2025 => 2025-12",
            ),
            ("", "A well-known March-born poet.", ""),
        ],
    );
    run(
        "es",
        &[(
            "",
            "Entra en vigor el 1.º de junio de 2025.",
            "1.º de junio de 2025 => 2025-06-01",
        )],
    );
    run(
        "it",
        &[(
            "",
            "Firmato il 1° maggio 2024 a Roma.",
            "1° maggio 2024 => 2024-05-01",
        )],
    );
    run(
        "pt",
        &[(
            "",
            "Assinado em 1° de maio de 2024.",
            "1° de maio de 2024 => 2024-05-01",
        )],
    );
}

/// The forms of issue 18, language by language: a date opening a line or
/// standing alone on it, lower-case months, ordinals with "of", ranges in
/// every wording, numeric dates in the language's order, weekdays with
/// dates, dates that carry a time, glued forms.
#[test]
fn every_form_in_english() {
    run(
        "en",
        &[
            ("", "15 February.", "15 February => --02-15"),
            ("", "2015-03-03.", "2015-03-03 => 2015-03-03"),
            (
                "",
                "Headline\n2 March 2025\nBody.",
                "2 March 2025 => 2025-03-02",
            ),
            ("", "Talks open on march 3.", "march 3 => --03-03"),
            ("", "It is the 4th of July.", "4th of July => --07-04"),
            ("", "Due 15 of february.", "15 of february => --02-15"),
            ("", "On the 4th day of July.", "4th day of July => --07-04"),
            (
                "",
                "Open from the 13th to the 15th of July.",
                "13th to the 15th of July => --07-13..--07-15",
            ),
            (
                "",
                "Open July 13 through 15.",
                "July 13 through 15 => --07-13..--07-15",
            ),
            (
                "",
                "Open from 4 to January 22, 1995.",
                "4 to January 22, 1995 => 1995-01-04..1995-01-22",
            ),
            (
                "",
                "Feb 28th to March 1st, then rest.",
                "Feb 28th to March 1st => --02-28..--03-01",
            ),
            (
                "",
                "Closed November between 19 and 20.",
                "November between 19 and 20 => --11-19..--11-20",
            ),
            (
                "",
                "Filed on 2/15 and on 11/22.",
                "2/15 => --02-15; 11/22 => --11-22",
            ),
            ("", "Filed on 2/29/2020.", "2/29/2020 => 2020-02-29"),
            ("", "Filed 22/04.", "22/04 => --04-22"),
            ("", "Filed 08.02.2023 in Kyiv.", "08.02.2023 => 2023-02-08"),
            ("", "The 1/8 final and 24/7 coverage.", ""),
            (
                "",
                "Mon, February 18 was cold.",
                "Mon, February 18 => --02-18 wd1",
            ),
            ("", "Jul 18, Fri", "Jul 18, Fri => --07-18 wd5"),
            (
                "",
                "Aug. 9, 2012 at 2:57 p.m. it fell.",
                "Aug. 9, 2012 => 2012-08-09",
            ),
            (
                "",
                "Logged 2016-12-16T12:23:59 by the clerk.",
                "2016-12-16 => 2016-12-16",
            ),
            (
                "",
                "Due 05-Aug-2016 and 2019/aug/01.",
                "05-Aug-2016 => 2016-08-05; 2019/aug/01 => 2019-08-01",
            ),
            (
                "",
                "Back Jan-1, plans for Dec-2019.",
                "Jan-1 => 2019-01-01; Dec-2019 => 2019-12",
            ),
            ("", "It costs $ 12 December 27.", "December 27 => --12-27"),
            ("", "The plan ends in 2150, they said.", "2150 => 2150"),
            ("", "Out 2016, nov and back.", "2016, nov => 2016-11"),
            (
                "",
                "Away 26 june to 28 june in 2020.",
                "26 june to 28 june in 2020 => 2020-06-26..2020-06-28",
            ),
            (
                "",
                "Open 02-02-2020 - 03-03-2020 only.",
                "02-02-2020 - 03-03-2020 => 2020-02-02..2020-03-03",
            ),
            (
                PUB,
                "He came this Friday (Nov 29) to talk.",
                "this Friday (Nov 29) => 2024-11-29 wd5",
            ),
        ],
    );
}

#[test]
fn every_form_in_portuguese() {
    run(
        "pt",
        &[
            ("", "5 de maio de 2013", "5 de maio de 2013 => 2013-05-05"),
            ("", "1º de março.", "1º de março => --03-01"),
            (
                "",
                "Entre o 3 e o 12 de setembro.",
                "3 e o 12 de setembro => --09-03..--09-12",
            ),
            (
                "",
                "De 2 de out. até 22 de outubro.",
                "2 de out. até 22 de outubro => --10-02..--10-22",
            ),
            ("", "Voltarei em 22/04.", "22/04 => --04-22"),
            ("", "Voltarei 04/21/2016.", "04/21/2016 => 2016-04-21"),
            (
                "",
                "De 28/2 a 1/3 houve greve.",
                "28/2 a 1/3 => --02-28..--03-01",
            ),
            (
                "",
                "Na quarta-feira, 22 de janeiro, choveu.",
                "quarta-feira, 22 de janeiro => --01-22 wd3",
            ),
            (
                "",
                "Publicado em 2020/23/set e lido.",
                "2020/23/set => 2020-09-23",
            ),
            (
                "",
                "Vence em 13 setembro, 2014.",
                "13 setembro, 2014 => 2014-09-13",
            ),
        ],
    );
}

#[test]
fn every_form_in_spanish() {
    run(
        "es",
        &[
            ("", "3 de marzo", "3 de marzo => --03-03"),
            ("", "Volveré el 1ro de enero.", "1ro de enero => --01-01"),
            (
                "",
                "Desde el 3 hasta el 12 de sept. cerrado.",
                "3 hasta el 12 de sept. => --09-03..--09-12",
            ),
            (
                "",
                "Entre el 1 de diciembre y el 4 de febrero.",
                "1 de diciembre y el 4 de febrero => --12-01..--02-04",
            ),
            ("", "Volveré el 17/2 por la tarde.", "17/2 => --02-17"),
            ("", "Pagado el 08/12,2015.", "08/12,2015 => 2015-12-08"),
            (
                "",
                "Del 1-10-2018 al 7-10-2018.",
                "1-10-2018 al 7-10-2018 => 2018-10-01..2018-10-07",
            ),
            (
                "",
                "Desde este viernes 12/05 hasta el próximo domingo 20/05.",
                "este viernes 12/05 hasta el próximo domingo 20/05 => --05-12..--05-20 wd5",
            ),
            (
                "",
                "De 26 a 28 de junio en 2020.",
                "26 a 28 de junio en 2020 => 2020-06-26..2020-06-28",
            ),
            ("", "Firmado el 1-ene-2016.", "1-ene-2016 => 2016-01-01"),
            (
                "",
                "julio 5, 2015 a la 1:04 pm",
                "julio 5, 2015 => 2015-07-05",
            ),
            (
                "",
                "12 de junio del 2012",
                "12 de junio del 2012 => 2012-06-12",
            ),
        ],
    );
}

#[test]
fn every_form_in_german() {
    run(
        "de",
        &[
            ("", "30. Mai 1980", "30. Mai 1980 => 1980-05-30"),
            ("", "Wir sehen uns am 15.2. wieder.", "15.2. => --02-15"),
            ("", "Ich komme am 22.04. zurück.", "22.04. => --04-22"),
            (
                "",
                "Geöffnet vom 14.10. bis 15.10.2018.",
                "14.10. bis 15.10.2018 => 2018-10-14..2018-10-15",
            ),
            (
                "",
                "Zwischen dem 3. und dem 12. September.",
                "3. und dem 12. September => --09-03..--09-12",
            ),
            (
                "",
                "Im November zwischen dem 19. und dem 20. bin ich weg.",
                "November zwischen dem 19. und dem 20. => --11-19..--11-20",
            ),
            (
                "",
                "Montag, Februar 18",
                "Montag, Februar 18 => --02-18 wd1",
            ),
            (
                "",
                "Am Montag den 15. Januar 2017.",
                "Montag den 15. Januar 2017 => 2017-01-15 wd1",
            ),
            ("", "Fällig am 12-Mär-2014.", "12-Mär-2014 => 2014-03-12"),
            ("", "Der Brief vom märz 3.", "märz 3. => --03-03"),
            ("", "Im Februar 18 Menschen starben.", "Februar => --02"),
        ],
    );
}

#[test]
fn every_form_in_french() {
    run(
        "fr",
        &[
            ("", "3 mars 2015", "3 mars 2015 => 2015-03-03"),
            (
                "",
                "Le 3eme jour d'octobre.",
                "3eme jour d'octobre => --10-03",
            ),
            ("", "Du 3 au 5 mars.", "3 au 5 mars => --03-03..--03-05"),
            (
                "",
                "Ouvert du 13 au dimanche 15 juillet.",
                "13 au dimanche 15 juillet => --07-13..--07-15",
            ),
            (
                "",
                "Absent entre le 4 et le 22 janvier 1995.",
                "4 et le 22 janvier 1995 => 1995-01-04..1995-01-22",
            ),
            (
                "",
                "Je rentre le 14/10 environ 8 heures.",
                "14/10 => --10-14",
            ),
            ("", "De 25/10 à 25/01.", "25/10 à 25/01 => --10-25..--01-25"),
            (
                "",
                "Salut, jeudi 29/03 11h00 ?",
                "jeudi 29/03 => --03-29 wd4",
            ),
            ("", "Le prix d'avril 2017.", "d'avril 2017 => 2017-04"),
            (
                "",
                "En novembre de l'année 2016.",
                "novembre de l'année 2016 => 2016-11",
            ),
            (
                "",
                "Je suis né novembre 23 de 1987.",
                "novembre 23 de 1987 => 1987-11-23",
            ),
            ("", "En mars 2 000 personnes ont défilé.", "mars => --03"),
            ("", "Le 16/11/2016 à 10h38.", "16/11/2016 => 2016-11-16"),
        ],
    );
}

#[test]
fn every_form_in_italian() {
    run(
        "it",
        &[
            ("", "26 gennaio 2014", "26 gennaio 2014 => 2014-01-26"),
            ("", "dic. 2013", "dic. 2013 => 2013-12"),
            (
                "",
                "Tra il 13 e il 15 luglio.",
                "13 e il 15 luglio => --07-13..--07-15",
            ),
            (
                "",
                "Dal 3 fino al 12 set. chiuso.",
                "3 fino al 12 set. => --09-03..--09-12",
            ),
            (
                "",
                "13 luglio - 15 luglio",
                "13 luglio - 15 luglio => --07-13..--07-15",
            ),
            ("", "Torno il 25/4 alle 16:00.", "25/4 => --04-25"),
            ("", "Torno mer, 22 gen.", "mer, 22 gen. => --01-22 wd3"),
            (
                "",
                "16. nov. 2016 alle 10:38",
                "16. nov. 2016 => 2016-11-16",
            ),
            (
                "",
                "Torno il 23-2020-settembre.",
                "23-2020-settembre => 2020-09-23",
            ),
        ],
    );
}

#[test]
fn every_form_in_ukrainian() {
    run(
        "uk",
        &[
            ("", "3 березня 2015", "3 березня 2015 => 2015-03-03"),
            ("", "8 сер - 12 сер", "8 сер - 12 сер => --08-08..--08-12"),
            (
                "",
                "Виставка з 14.10. - 15.10.2018 у Києві.",
                "14.10. - 15.10.2018 => 2018-10-14..2018-10-15",
            ),
            (
                "",
                "Ярмарок з 5 по 7 травня.",
                "5 по 7 травня => --05-05..--05-07",
            ),
            ("", "10.12.", "10.12. => --12-10"),
            ("", "22 верес 2021 о 07:37", "22 верес 2021 => 2021-09-22"),
            ("", "Оновлено 2020-берез-11.", "2020-берез-11 => 2020-03-11"),
            (
                "",
                "28 лютого 2020 року об 11:57",
                "28 лютого 2020 року => 2020-02-28",
            ),
        ],
    );
}

#[test]
fn every_form_in_russian() {
    run(
        "ru",
        &[
            ("", "18-го февраля", "18-го февраля => --02-18"),
            ("", "31-ое октября 1974", "31-ое октября 1974 => 1974-10-31"),
            (
                "",
                "С 5 по 7 мая будет ярмарка.",
                "5 по 7 мая => --05-05..--05-07",
            ),
            (
                "",
                "С 14.10. по 15.10.2018 закрыто.",
                "14.10. по 15.10.2018 => 2018-10-14..2018-10-15",
            ),
            (
                "",
                "Понедельник, 18 фев",
                "Понедельник, 18 фев => --02-18 wd1",
            ),
            (
                "",
                "21 сентября 2021г., вторник",
                "21 сентября 2021г., вторник => 2021-09-21 wd2",
            ),
            ("", "13 авг. 2005 г. 19:13", "13 авг. 2005 г. => 2005-08-13"),
            ("", "В 1/4 финала они победили.", ""),
        ],
    );
}

#[test]
fn ambiguous_numeric_dates_say_so() {
    // 01/02 in English: either order is a date and the document shows none.
    let (_, f) = facts("en", "", "Filed on 01/02/2024 in Boston.");
    assert_eq!(f.dates.len(), 1);
    assert!(f.dates[0].ambiguous_order);
    assert_eq!(f.dates[0].date().as_deref(), Some("2024"));
    // The document's other numeric dates decide.
    let (_, f) = facts("en", "", "Filed on 01/02/2024 and 12/25/2024.");
    assert!(!f.dates[0].ambiguous_order);
    assert_eq!(f.dates[0].date().as_deref(), Some("2024-01-02"));
}
