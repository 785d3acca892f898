//! A feed of templated stories: the daily market closes, match reports,
//! casualty updates and election tallies that wires publish from one
//! template with other people, numbers, places and dates. Each story comes
//! in several languages (English, German, French, Spanish, Russian,
//! Ukrainian), names spelled the way each language's feeds romanise them
//! (Kovalchuk, Kowaltschuk, Kovaltchouk, Ковальчук), and one version of a
//! story in two has a number of its own that drifted. Recurring people and
//! places (a region's governor, a country's election chief, a club's coach)
//! come back in other stories on other days; stories are `per_day` a day.
//!
//! The texts and names are written for this generator. Needs `feedgen` as
//! a sibling module of the crate root.
#![allow(dead_code)]

use crate::feedgen::{Feed, LineTruth, Mutation, Rng, rfc3339, transcribe};

/// What to generate.
#[derive(Clone, Debug)]
pub struct Spec {
    /// Stories.
    pub stories: usize,
    /// Stories published per day (1: a day apart).
    pub per_day: usize,
    /// Random seed.
    pub seed: u64,
    /// Give each line its `story` key.
    pub keys: bool,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            stories: 200,
            per_day: 1,
            seed: 1,
            keys: false,
        }
    }
}

const LANGS: [&str; 6] = ["en", "de", "fr", "es", "ru", "uk"];
const EN: usize = 0;
const DE: usize = 1;
const FR: usize = 2;
const ES: usize = 3;
const RU: usize = 4;
const UK: usize = 5;

const DAY: i64 = 86_400;
/// 2031-01-06T00:00:00Z, the feed's first day.
const START: i64 = 1_924_992_000 + 5 * DAY;

/// The month names of a language (from the generated feed's table).
fn months(lang: usize) -> &'static [&'static str; 12] {
    let at = crate::feedgen::LANGS
        .iter()
        .position(|&l| l == LANGS[lang])
        .unwrap_or(0);
    &crate::feedgen::MONTHS[at]
}

/// Weekdays, Monday first, as a template's `{date}` slot takes them.
const WEEKDAYS: [[&str; 7]; 6] = [
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ],
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ],
    [
        "в понедельник",
        "во вторник",
        "в среду",
        "в четверг",
        "в пятницу",
        "в субботу",
        "в воскресенье",
    ],
    [
        "у понеділок",
        "у вівторок",
        "у середу",
        "у четвер",
        "у п'ятницю",
        "у суботу",
        "у неділю",
    ],
];

/// A story template: paragraphs per language, with `{slot}`s.
struct Template {
    paragraphs: [&'static [&'static str]; 6],
    /// Quotes to pick from, per language.
    quotes: [[&'static str; 6]; 3],
}

const MARKET: Template = Template {
    paragraphs: [
        &[
            "The {index} index in {city} closed {pct}% {dir} at {level} points on {date}.",
            "Shares of {co1} gained {c1}%, while {co2} lost {c2}%.",
            "Some {volume} million shares changed hands, according to exchange data.",
            "\"{quote}\", said {person1}, a strategist at {bank}.",
        ],
        &[
            "Der {index} in {city} hat am {date} {pct} Prozent {dir} bei {level} Punkten geschlossen.",
            "Die Aktien von {co1} gewannen {c1} Prozent, {co2} verloren {c2} Prozent.",
            "Rund {volume} Millionen Aktien wechselten laut Börsendaten den Besitzer.",
            "„{quote}“, sagte {person1}, Stratege bei {bank}.",
        ],
        &[
            "L'indice {index} de {city} a clôturé en {dir} de {pct} % à {level} points le {date}.",
            "Les actions de {co1} ont gagné {c1} %, tandis que {co2} a perdu {c2} %.",
            "Quelque {volume} millions d'actions ont changé de mains, selon les données de la Bourse.",
            "« {quote} », a déclaré {person1}, stratège chez {bank}.",
        ],
        &[
            "El índice {index} de {city} cerró el {date} con una {dir} del {pct} % hasta los {level} puntos.",
            "Las acciones de {co1} ganaron un {c1} %, mientras que {co2} perdió un {c2} %.",
            "Se negociaron unos {volume} millones de acciones, según datos de la bolsa.",
            "«{quote}», dijo {person1}, estratega de {bank}.",
        ],
        &[
            "{date} индекс {index} (биржа {city}) завершил торги {dir} на {pct}%, на отметке {level} пункта.",
            "Акции {co1} подорожали на {c1}%, а бумаги {co2} подешевели на {c2}%.",
            "По данным биржи, из рук в руки перешли около {volume} млн акций.",
            "{person1}, стратег {bank}: «{quote}».",
        ],
        &[
            "{date} індекс {index} (біржа {city}) завершив торги {dir} на {pct}%, на позначці {level} пункту.",
            "Акції {co1} подорожчали на {c1}%, а папери {co2} подешевшали на {c2}%.",
            "За даними біржі, з рук у руки перейшло близько {volume} млн акцій.",
            "{person1}, стратег {bank}: «{quote}».",
        ],
    ],
    quotes: [
        [
            "Investors are waiting for the central bank",
            "Die Anleger warten auf die Notenbank",
            "Les investisseurs attendent la banque centrale",
            "Los inversores esperan al banco central",
            "Инвесторы ждут решения центрального банка",
            "Інвестори чекають на рішення центрального банку",
        ],
        [
            "Energy prices weigh on the market",
            "Die Energiepreise belasten den Markt",
            "Les prix de l'énergie pèsent sur le marché",
            "Los precios de la energía lastran el mercado",
            "Цены на энергоносители давят на рынок",
            "Ціни на енергоносії тиснуть на ринок",
        ],
        [
            "Nobody wants to take risks before the weekend",
            "Vor dem Wochenende will niemand ein Risiko eingehen",
            "Personne ne veut prendre de risques avant le week-end",
            "Nadie quiere arriesgarse antes del fin de semana",
            "Перед выходными никто не хочет рисковать",
            "Перед вихідними ніхто не хоче ризикувати",
        ],
    ],
};

const MATCH: Template = Template {
    paragraphs: [
        &[
            "{team1} beat {team2} {s1}-{s2} in {city} on {date}.",
            "{person1} opened the scoring after {min1} minutes and {person2} added another goal in minute {min2}.",
            "The match was watched by {crowd} spectators.",
            "\"{quote}\", coach {coach} said after the game.",
        ],
        &[
            "{team1} hat am {date} in {city} gegen {team2} mit {s1}:{s2} gewonnen.",
            "{person1} traf in der {min1}. Minute zur Führung, {person2} erhöhte in der {min2}. Minute.",
            "{crowd} Zuschauer verfolgten die Partie.",
            "„{quote}“, sagte Trainer {coach} nach dem Spiel.",
        ],
        &[
            "{team1} a battu {team2} {s1}-{s2} le {date} à {city}.",
            "{person1} a ouvert le score à la {min1}e minute et {person2} a doublé la mise à la {min2}e.",
            "{crowd} spectateurs ont assisté à la rencontre.",
            "« {quote} », a déclaré l'entraîneur {coach} après le match.",
        ],
        &[
            "{team1} venció el {date} por {s1}-{s2} a {team2} en {city}.",
            "{person1} abrió el marcador en el minuto {min1} y {person2} amplió la ventaja en el minuto {min2}.",
            "{crowd} espectadores presenciaron el partido.",
            "«{quote}», dijo el entrenador {coach} tras el partido.",
        ],
        &[
            "{date} {team1} в городе {city} обыграл {team2} со счётом {s1}:{s2}.",
            "{person1} открыл счёт на {min1}-й минуте, а {person2} забил второй гол на {min2}-й минуте.",
            "За матчем наблюдали {crowd} зрителей.",
            "«{quote}», — сказал после игры тренер {coach}.",
        ],
        &[
            "{date} {team1} у місті {city} переміг {team2} з рахунком {s1}:{s2}.",
            "{person1} відкрив рахунок на {min1}-й хвилині, а {person2} забив другий гол на {min2}-й хвилині.",
            "За матчем спостерігали {crowd} глядачів.",
            "«{quote}», — сказав після гри тренер {coach}.",
        ],
    ],
    quotes: [
        [
            "We deserved this win",
            "Wir haben diesen Sieg verdient",
            "Nous avons mérité cette victoire",
            "Merecimos esta victoria",
            "Мы заслужили эту победу",
            "Ми заслужили цю перемогу",
        ],
        [
            "The second half was much better",
            "Die zweite Halbzeit war viel besser",
            "La seconde période était bien meilleure",
            "La segunda parte fue mucho mejor",
            "Второй тайм был намного лучше",
            "Другий тайм був набагато кращим",
        ],
        [
            "The team showed character",
            "Die Mannschaft hat Charakter gezeigt",
            "L'équipe a montré du caractère",
            "El equipo mostró carácter",
            "Команда показала характер",
            "Команда показала характер",
        ],
    ],
};

const CASUALTIES: Template = Template {
    paragraphs: [
        &[
            "At least {killed} people were killed and {injured} injured in shelling in the {region} region on {date}, governor {governor} said.",
            "{houses} houses were damaged in {town1} and {town2}.",
            "Rescuers pulled {rescued} people from the rubble, the emergency service said.",
            "Since the start of the month, {total} civilians have been killed in the region.",
        ],
        &[
            "Bei Beschuss im Gebiet {region} sind am {date} mindestens {killed} Menschen getötet und {injured} verletzt worden, teilte Gouverneur {governor} mit.",
            "In {town1} und {town2} wurden {houses} Häuser beschädigt.",
            "Rettungskräfte bargen nach Angaben des Katastrophenschutzes {rescued} Menschen aus den Trümmern.",
            "Seit Monatsbeginn wurden in der Region {total} Zivilisten getötet.",
        ],
        &[
            "Au moins {killed} personnes ont été tuées et {injured} blessées dans des bombardements dans la région de {region} le {date}, a annoncé le gouverneur {governor}.",
            "{houses} maisons ont été endommagées à {town1} et à {town2}.",
            "Les secouristes ont sorti {rescued} personnes des décombres, selon les services d'urgence.",
            "Depuis le début du mois, {total} civils ont été tués dans la région.",
        ],
        &[
            "Al menos {killed} personas murieron y {injured} resultaron heridas el {date} en bombardeos en la región de {region}, informó el gobernador {governor}.",
            "{houses} viviendas sufrieron daños en {town1} y {town2}.",
            "Los rescatistas sacaron a {rescued} personas de los escombros, según los servicios de emergencia.",
            "Desde principios de mes, {total} civiles han muerto en la región.",
        ],
        &[
            "{date} в результате обстрелов в регионе {region} погибли не менее {killed} человек, ещё {injured} ранены, сообщил губернатор {governor}.",
            "В населённых пунктах {town1} и {town2} повреждены {houses} домов.",
            "По данным спасательной службы, спасатели извлекли из-под завалов {rescued} человек.",
            "С начала месяца в регионе погибли {total} мирных жителей.",
        ],
        &[
            "{date} внаслідок обстрілів у регіоні {region} загинули щонайменше {killed} людей, ще {injured} поранені, повідомив губернатор {governor}.",
            "У населених пунктах {town1} і {town2} пошкоджено {houses} будинків.",
            "За даними рятувальної служби, рятувальники дістали з-під завалів {rescued} людей.",
            "Від початку місяця в регіоні загинули {total} мирних жителів.",
        ],
    ],
    quotes: [[""; 6]; 3],
};

const ELECTION: Template = Template {
    paragraphs: [
        &[
            "With {counted}% of ballots counted in the presidential election in {country}, {person1} leads with {p1}% of the vote, the election commission said on {date}.",
            "{person2} follows with {p2}%, and {person3} has {p3}%.",
            "Turnout stood at {turnout}%, against {prev}% in {year}.",
            "Commission chair {chair} said final results would be published within {days} days.",
        ],
        &[
            "Nach Auszählung von {counted} Prozent der Stimmen bei der Präsidentenwahl in {country} liegt {person1} mit {p1} Prozent vorn, teilte die Wahlkommission am {date} mit.",
            "{person2} folgt mit {p2} Prozent, {person3} kommt auf {p3} Prozent.",
            "Die Wahlbeteiligung lag bei {turnout} Prozent, nach {prev} Prozent im Jahr {year}.",
            "Kommissionschef {chair} sagte, das Endergebnis werde binnen {days} Tagen veröffentlicht.",
        ],
        &[
            "Après le dépouillement de {counted} % des bulletins de l'élection présidentielle en {country}, {person1} arrive en tête avec {p1} % des voix, a indiqué la commission électorale le {date}.",
            "{person2} suit avec {p2} %, et {person3} obtient {p3} %.",
            "La participation s'élève à {turnout} %, contre {prev} % en {year}.",
            "Le président de la commission, {chair}, a indiqué que les résultats définitifs seraient publiés d'ici {days} jours.",
        ],
        &[
            "Con el {counted} % de los votos escrutados en las elecciones presidenciales de {country}, {person1} lidera con el {p1} % de los votos, informó la comisión electoral el {date}.",
            "{person2} le sigue con el {p2} %, y {person3} obtiene el {p3} %.",
            "La participación fue del {turnout} %, frente al {prev} % en {year}.",
            "El presidente de la comisión, {chair}, dijo que los resultados definitivos se publicarán en un plazo de {days} días.",
        ],
        &[
            "После подсчёта {counted}% бюллетеней на президентских выборах в стране {country} лидирует {person1} с {p1}% голосов, сообщила избирательная комиссия {date}.",
            "На втором месте {person2} с {p2}%, {person3} набирает {p3}%.",
            "Явка составила {turnout}% против {prev}% в {year} году.",
            "Глава комиссии {chair} заявил, что окончательные результаты будут опубликованы в течение {days} дней.",
        ],
        &[
            "Після підрахунку {counted}% бюлетенів на президентських виборах у країні {country} лідирує {person1} з {p1}% голосів, повідомила виборча комісія {date}.",
            "На другому місці {person2} з {p2}%, {person3} набирає {p3}%.",
            "Явка склала {turnout}% проти {prev}% у {year} році.",
            "Голова комісії {chair} заявив, що остаточні результати оприлюднять протягом {days} днів.",
        ],
    ],
    quotes: [[""; 6]; 3],
};

const TEMPLATES: [&Template; 4] = [&MARKET, &MATCH, &CASUALTIES, &ELECTION];

/// Words that differ with the direction of a market move, per language:
/// (up, down).
const DIRECTION: [(&str, &str); 6] = [
    ("higher", "lower"),
    ("höher", "tiefer"),
    ("hausse", "baisse"),
    ("subida", "caída"),
    ("ростом", "снижением"),
    ("зростанням", "зниженням"),
];

// Names, in Ukrainian-style Latin (the national romanisation), which each
// language's feeds respell.
const GIVEN: &[&str] = &[
    "Oleksandr",
    "Mykola",
    "Yuliya",
    "Kateryna",
    "Dmytro",
    "Serhiy",
    "Nataliya",
    "Andriy",
    "Iryna",
    "Bohdan",
    "Olha",
    "Yevhen",
    "Marko",
    "Larysa",
    "Taras",
    "Halyna",
];
const SURNAMES: &[&str] = &[
    "Kovalchuk",
    "Hrytsenko",
    "Shevchuk",
    "Melnychenko",
    "Zhuravel",
    "Kharchenko",
    "Tkachenko",
    "Savchuk",
    "Yaremenko",
    "Boyko",
    "Lysenko",
    "Moroz",
    "Ostapchuk",
    "Demchenko",
    "Rudenko",
    "Pylypenko",
    "Zaporozhets",
    "Shcherbak",
    "Kostenko",
    "Vasylyshyn",
    "Rinaldi",
    "Moreno",
    "Berger",
    "Castellano",
    "Lindholm",
    "Navarro",
    "Sandoval",
    "Falkenberg",
];
const COMPANIES: &[&str] = &[
    "Tavrida Energo",
    "Polissia Agro",
    "Dniprostal",
    "Karpaty Telecom",
    "Stepova Bank",
    "Merkator",
    "Volynfarm",
    "Azovmash",
];
/// Banks; each quoted through its one strategist.
const BANKS: &[&str] = &[
    "Prykarpattia Capital",
    "Dnister Securities",
    "Horyzont Invest",
    "Tavria Partners",
];
/// (index, city): every market close is about one of them.
const INDEXES: &[(&str, &str)] = &[("Prydniprovia 30", "Dnipro"), ("Zakhid 50", "Lviv")];
/// (club, city); each club has its coach and its scorers.
const CLUBS: &[(&str, &str)] = &[
    ("Dynamo Zhytomyr", "Zhytomyr"),
    ("Metalurh Kamianske", "Kamianske"),
    ("Karpaty Sambir", "Sambir"),
    ("Shakhtar Pavlohrad", "Pavlohrad"),
    ("Vorskla Myrhorod", "Myrhorod"),
    ("Obolon Brovary", "Brovary"),
];
/// (region, towns).
const REGIONS: &[(&str, [&str; 4])] = &[
    ("Kharkiv", ["Chuhuiv", "Izium", "Kupiansk", "Balakliia"]),
    ("Sumy", ["Okhtyrka", "Trostianets", "Shostka", "Romny"]),
    (
        "Zaporizhzhia",
        ["Orikhiv", "Huliaipole", "Vilniansk", "Stepnohirsk"],
    ),
    (
        "Mykolaiv",
        ["Ochakiv", "Bashtanka", "Voznesensk", "Snihurivka"],
    ),
    ("Chernihiv", ["Nizhyn", "Pryluky", "Semenivka", "Horodnia"]),
];
/// Countries; each has its election chief and its candidates.
const COUNTRIES: &[&str] = &["Valdoria", "Moravenia", "Ostrania"];

/// The `k`-th member of a recurring cast (a club's scorers, a country's
/// candidates): the same person every time.
fn cast(group: usize, k: usize) -> Value {
    Value::Person(
        GIVEN[(group * 5 + k * 3) % GIVEN.len()],
        SURNAMES[(group * 7 + k * 11 + 1) % SURNAMES.len()],
    )
}

/// A name respelled the way feeds of a language romanise it; `style`
/// chooses between the variants English-language feeds use.
fn respell(name: &str, lang: usize, style: u64) -> String {
    let pairs: &[(&str, &str)] = match lang {
        DE => &[
            ("shch", "schtsch"),
            ("zh", "sch"),
            ("kh", "ch"),
            ("ch", "tsch"),
            ("sh", "sch"),
            ("ts", "z"),
            ("v", "w"),
            ("ya", "ja"),
            ("yu", "ju"),
            ("ye", "je"),
            ("iy", "ij"),
        ],
        FR => &[
            ("zh", "j"),
            ("ch", "tch"),
            ("sh", "ch"),
            ("u", "ou"),
            ("iy", "i"),
        ],
        _ if style % 2 == 1 => &[("iy", "ii"), ("ks", "x"), ("kh", "h")],
        _ => &[],
    };
    transcribe(name, pairs)
}

/// A Ukrainian-style romanisation in Cyrillic letters: Ukrainian, or as a
/// Russian outlet writes the same name.
fn cyrillic(name: &str, lang: usize) -> String {
    let uk = lang == UK;
    let pairs: &[(&str, &str, &str)] = &[
        ("shch", "щ", "щ"),
        ("zh", "ж", "ж"),
        ("kh", "х", "х"),
        ("ts", "ц", "ц"),
        ("ch", "ч", "ч"),
        ("sh", "ш", "ш"),
        ("yu", "ю", "ю"),
        ("ya", "я", "я"),
        ("ye", "є", "е"),
        ("iy", "ій", "ий"),
        ("yy", "ий", "ый"),
        ("a", "а", "а"),
        ("b", "б", "б"),
        ("c", "к", "к"),
        ("d", "д", "д"),
        ("e", "е", "е"),
        ("f", "ф", "ф"),
        ("g", "ґ", "г"),
        ("h", "г", "г"),
        ("i", "і", "и"),
        ("j", "й", "й"),
        ("k", "к", "к"),
        ("l", "л", "л"),
        ("m", "м", "м"),
        ("n", "н", "н"),
        ("o", "о", "о"),
        ("p", "п", "п"),
        ("r", "р", "р"),
        ("s", "с", "с"),
        ("t", "т", "т"),
        ("u", "у", "у"),
        ("v", "в", "в"),
        ("w", "в", "в"),
        ("y", "и", "ы"),
        ("z", "з", "з"),
    ];
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|&(l, u, r)| (l, if uk { u } else { r }))
        .collect();
    // A Russian word starts with и, not ы.
    transcribe(name, &pairs)
        .split(' ')
        .map(|w| match w.strip_prefix('Ы') {
            Some(rest) => format!("И{rest}"),
            None => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a slot holds, rendered per language.
#[derive(Clone, Debug)]
enum Value {
    /// A whole number.
    Int(u64),
    /// A decimal number with one or two digits after the point.
    Dec(u64, u32),
    /// A year.
    Year(u64),
    /// A name.
    Name(&'static str),
    /// Two given words of a person.
    Person(&'static str, &'static str),
    /// Up (true) or down.
    Direction(bool),
    /// The day of a time (seconds since the epoch): its date, or in some
    /// versions its weekday.
    Date(i64),
    /// One of the template's quotes.
    Quote(usize),
}

fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn render(value: &Value, lang: usize, style: u64, template: &Template) -> String {
    let thousands = match lang {
        EN => ",",
        DE | ES => ".",
        _ => "\u{a0}",
    };
    let point = if lang == EN { "." } else { "," };
    let name = |n: &str| {
        if lang >= RU {
            cyrillic(n, lang)
        } else {
            respell(n, lang, style)
        }
    };
    match value {
        Value::Int(n) => grouped(*n, thousands),
        Value::Dec(n, digits) => {
            let scale = 10u64.pow(*digits);
            format!(
                "{}{point}{:0width$}",
                grouped(n / scale, thousands),
                n % scale,
                width = *digits as usize
            )
        }
        Value::Year(y) => y.to_string(),
        Value::Name(n) => name(n),
        Value::Person(given, surname) => name(&format!("{given} {surname}")),
        Value::Direction(up) => {
            let (u, d) = DIRECTION[lang];
            if *up { u } else { d }.to_string()
        }
        Value::Date(t) if (style >> 2) % 4 == 0 => {
            // Days since the epoch: 1970-01-01 was a Thursday.
            WEEKDAYS[lang][(t.div_euclid(DAY) + 3).rem_euclid(7) as usize].to_string()
        }
        Value::Date(t) => {
            let (day, month) = month_day(*t);
            let m = months(lang)[month];
            match lang {
                EN if style % 2 == 1 => format!("{m} {day}"),
                DE => format!("{day}. {m}"),
                ES => format!("{day} de {m}"),
                _ => format!("{day} {m}"),
            }
        }
        Value::Quote(q) => template.quotes[*q][lang].to_string(),
    }
}

/// Month (0-11) and day of a time.
fn month_day(t: i64) -> (u64, usize) {
    let iso = rfc3339(t);
    let month: usize = iso[5..7].parse().unwrap_or(1);
    let day: u64 = iso[8..10].parse().unwrap_or(1);
    (day, month - 1)
}

/// One of `n` entities that `busy` does not hold yet (any when all are),
/// marked busy.
fn free(rng: &mut Rng, n: usize, busy: &mut Vec<usize>) -> usize {
    let open: Vec<usize> = (0..n).filter(|i| !busy.contains(i)).collect();
    let pick = if open.is_empty() {
        (rng.next() % n as u64) as usize
    } else {
        *rng.pick(&open)
    };
    busy.push(pick);
    pick
}

/// The slots of one story of a template. Recurring people and places
/// come from fixed casts, so stories of one template share most names. An
/// index closes and a club plays once a day (`busy` holds the indexes and
/// clubs of the day so far); regions and elections get several updates.
fn story_slots(
    kind: usize,
    rng: &mut Rng,
    time: i64,
    busy: &mut [Vec<usize>; 2],
) -> Vec<(&'static str, Value)> {
    let dec = |rng: &mut Rng, lo: u64, hi: u64, digits: u32| Value::Dec(rng.range(lo, hi), digits);
    let mut slots = vec![("date", Value::Date(time))];
    match kind {
        0 => {
            let (index, city) = INDEXES[free(rng, INDEXES.len(), &mut busy[0])];
            let co1 = (rng.next() % COMPANIES.len() as u64) as usize;
            let co2 =
                (co1 + 1 + (rng.next() % (COMPANIES.len() as u64 - 1)) as usize) % COMPANIES.len();
            let bank = (rng.next() % BANKS.len() as u64) as usize;
            slots.extend([
                ("index", Value::Name(index)),
                ("city", Value::Name(city)),
                ("pct", dec(rng, 11, 349, 2)),
                ("dir", Value::Direction(rng.next() % 2 == 0)),
                ("level", dec(rng, 800_000, 3_200_000, 2)),
                ("co1", Value::Name(COMPANIES[co1])),
                ("co2", Value::Name(COMPANIES[co2])),
                ("c1", dec(rng, 11, 899, 2)),
                ("c2", dec(rng, 11, 899, 2)),
                ("volume", Value::Int(rng.range(110, 990))),
                ("person1", cast(10 + bank, 0)),
                ("bank", Value::Name(BANKS[bank])),
                ("quote", Value::Quote((rng.next() % 3) as usize)),
            ]);
        }
        1 => {
            let home = free(rng, CLUBS.len(), &mut busy[1]);
            let away = free(rng, CLUBS.len(), &mut busy[1]);
            let s2 = rng.range(0, 2);
            let min1 = rng.range(10, 45);
            slots.extend([
                ("team1", Value::Name(CLUBS[home].0)),
                ("team2", Value::Name(CLUBS[away].0)),
                ("city", Value::Name(CLUBS[home].1)),
                ("s1", Value::Int(s2 + rng.range(1, 3))),
                ("s2", Value::Int(s2)),
                ("person1", cast(home, 1 + (rng.next() % 3) as usize)),
                ("person2", cast(away, 1 + (rng.next() % 3) as usize)),
                ("min1", Value::Int(min1)),
                ("min2", Value::Int(rng.range(min1 + 2, 89))),
                ("crowd", Value::Int(rng.range(4_000, 68_000))),
                ("coach", cast(home, 0)),
                ("quote", Value::Quote((rng.next() % 3) as usize)),
            ]);
        }
        2 => {
            let r = (rng.next() % REGIONS.len() as u64) as usize;
            let (region, towns) = &REGIONS[r];
            let t1 = (rng.next() % 4) as usize;
            let t2 = (t1 + 1 + (rng.next() % 3) as usize) % 4;
            slots.extend([
                ("region", Value::Name(region)),
                ("governor", cast(20 + r, 0)),
                ("killed", Value::Int(rng.range(1, 14))),
                ("injured", Value::Int(rng.range(2, 40))),
                ("town1", Value::Name(towns[t1])),
                ("town2", Value::Name(towns[t2])),
                ("houses", Value::Int(rng.range(3, 60))),
                ("rescued", Value::Int(rng.range(1, 12))),
                ("total", Value::Int(rng.range(100, 950))),
            ]);
        }
        _ => {
            let c = (rng.next() % COUNTRIES.len() as u64) as usize;
            let p1 = rng.range(300, 520);
            let p2 = rng.range(150, p1 - 10);
            // Three of the country's four candidates, in the order of the count.
            let skip = (rng.next() % 4) as usize;
            let mut cands: Vec<usize> = (1..=4).filter(|&k| k != skip + 1).collect();
            cands.rotate_left((rng.next() % 3) as usize);
            slots.extend([
                ("country", Value::Name(COUNTRIES[c])),
                ("chair", cast(30 + c, 0)),
                ("counted", dec(rng, 400, 990, 1)),
                ("person1", cast(30 + c, cands[0])),
                ("person2", cast(30 + c, cands[1])),
                ("person3", cast(30 + c, cands[2])),
                ("p1", Value::Dec(p1, 1)),
                ("p2", Value::Dec(p2, 1)),
                ("p3", dec(rng, 20, 140, 1)),
                ("turnout", dec(rng, 420, 810, 1)),
                ("prev", dec(rng, 420, 810, 1)),
                ("year", Value::Year(rng.range(2014, 2027))),
                ("days", Value::Int(rng.range(10, 21))),
            ]);
        }
    }
    slots
}

/// A number of the story changed: drift in one version. A number of the
/// first paragraph, which every version has.
fn drifted(slots: &[(&'static str, Value)], template: &Template, rng: &mut Rng) -> (usize, Value) {
    let first = template.paragraphs[EN][0];
    let numbers: Vec<usize> = slots
        .iter()
        .enumerate()
        .filter(|(_, (name, v))| {
            first.contains(&format!("{{{name}}}")) && matches!(v, Value::Int(_) | Value::Dec(..))
        })
        .map(|(i, _)| i)
        .collect();
    let &i = rng.pick(&numbers);
    let changed = match slots[i].1 {
        Value::Int(n) => Value::Int(n + 1 + n / 10),
        Value::Dec(n, d) => Value::Dec(n + 10u64.pow(d), d),
        ref v => v.clone(),
    };
    (i, changed)
}

/// A paragraph with its slots filled (capitalised when a slot starts it).
fn fill(paragraph: &str, slots: &[(&str, Value)], lang: usize, style: u64, t: &Template) -> String {
    let mut out = paragraph.to_string();
    for (name, value) in slots {
        let slot = format!("{{{name}}}");
        if out.contains(&slot) {
            out = out.replace(&slot, &render(value, lang, style, t));
        }
    }
    let mut chars = out.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Generates a feed: the versions of every story, in publication order.
pub fn generate(spec: &Spec) -> Feed {
    let mut rng = Rng(spec.seed);
    let per_day = spec.per_day.max(1) as i64;
    let mut entries: Vec<(i64, String, LineTruth)> = Vec::new();
    let mut feed = Feed::default();
    let mut busy: [Vec<usize>; 2] = Default::default();
    for s in 0..spec.stories {
        let story = format!("templated-{s:04}");
        let kind = (rng.next() % TEMPLATES.len() as u64) as usize;
        let template = TEMPLATES[kind];
        let day = s as i64 / per_day;
        // Newsroom hours: 06:00 to 20:00, the stories of a day spread over them.
        let slot = s as i64 % per_day;
        let first = START
            + day * DAY
            + 6 * 3600
            + slot * (14 * 3600 / per_day)
            + rng.range(0, (14 * 3600 / per_day) as u64 - 1) as i64;
        if s as i64 % per_day == 0 {
            busy = Default::default();
        }
        let slots = story_slots(kind, &mut rng, first, &mut busy);
        let versions = rng.range(3, 5) as usize;
        // Distinct languages, and a second English version (another
        // wire's spelling) in one story of three.
        let mut langs: Vec<usize> = (0..LANGS.len()).collect();
        for i in (1..langs.len()).rev() {
            langs.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        langs.truncate(versions);
        if s % 3 == 0 {
            langs.push(EN);
        }
        let drift = (s % 2 == 0).then(|| drifted(&slots, template, &mut rng));
        // Wires write short and long stories from one template; one version
        // in three leaves the story's last paragraph out.
        let paragraphs = rng.range(1, 4) as usize;
        let target = 1 + (rng.next() % (langs.len() as u64 - 1)) as usize;
        for (v, &lang) in langs.iter().enumerate() {
            let style = rng.next();
            let id = format!("{:012x}", rng.next() >> 16);
            let mut own = slots.clone();
            if let (Some((i, changed)), true) = (&drift, v == target) {
                feed.mutations.push(Mutation {
                    id: id.clone(),
                    story: story.clone(),
                    kind: "number",
                    expects: "numeric_drift",
                    original: render(&own[*i].1, lang, style, template),
                    mutated: render(changed, lang, style, template),
                });
                own[*i].1 = changed.clone();
            }
            let keep = if paragraphs > 1 && rng.next() % 3 == 0 {
                paragraphs - 1
            } else {
                paragraphs
            };
            let text: Vec<String> = template.paragraphs[lang][..keep]
                .iter()
                .map(|p| fill(p, &own, lang, style, template))
                .collect();
            let text = text.join("\n\n");
            feed.text_bytes += text.len();
            // Most versions follow within hours; one in five the next day,
            // after the next story of the template may have come out.
            let lag = match v {
                0 => 0,
                _ if rng.next() % 5 == 0 => rng.range(9 * 3600, 24 * 3600),
                _ => rng.range(15 * 60, 9 * 3600),
            };
            let time = first + lag as i64;
            let mut line = serde_json::json!({"id": id, "published": rfc3339(time), "text": text});
            if spec.keys {
                line["story"] = story.clone().into();
            }
            entries.push((
                time,
                line.to_string(),
                LineTruth {
                    id,
                    story: story.clone(),
                    language: LANGS[lang],
                },
            ));
        }
    }
    entries.sort_by(|a, b| (a.0, &a.2.id).cmp(&(b.0, &b.2.id)));
    for (_, line, truth) in entries {
        feed.lines.push(line);
        feed.truth.push(truth);
    }
    feed
}
