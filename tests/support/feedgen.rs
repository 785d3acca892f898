//! A synthetic feed: N stories × M versions in several languages, with one
//! known mutation per story, and the ground truth (which line belongs to
//! which story, which mutation is where). Shared by `examples/gen_feed.rs`,
//! the benchmark and the recall test. The texts are written for this
//! generator; names, places and companies are made up from syllables.
#![allow(dead_code)]

use std::fmt::Write as _;

/// What to generate.
#[derive(Clone, Debug)]
pub struct Spec {
    /// Stories.
    pub stories: usize,
    /// Versions per story.
    pub versions: usize,
    /// Random seed.
    pub seed: u64,
    /// Every `follow_up_every`-th story is a later story about the same
    /// people and place, published days after the one it follows (0: none).
    pub follow_up_every: usize,
    /// Give each line its `story` key.
    pub keys: bool,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            stories: 100,
            versions: 4,
            seed: 7,
            follow_up_every: 4,
            keys: false,
        }
    }
}

/// One line's truth.
#[derive(Clone, Debug)]
pub struct LineTruth {
    /// Document id.
    pub id: String,
    /// The true story.
    pub story: String,
    /// Language code.
    pub language: &'static str,
}

/// One applied mutation.
#[derive(Clone, Debug)]
pub struct Mutation {
    /// The mutated version's id.
    pub id: String,
    /// Its story.
    pub story: String,
    /// number, date, negation, name, drop.
    pub kind: &'static str,
    /// The finding kind that should report it.
    pub expects: &'static str,
    /// What the other versions say (in the mutated version's language).
    pub original: String,
    /// What the mutated version says instead (empty for a dropped sentence).
    pub mutated: String,
}

/// A generated feed.
#[derive(Clone, Debug, Default)]
pub struct Feed {
    /// JSONL lines, in published order.
    pub lines: Vec<String>,
    /// Truth per line, same order.
    pub truth: Vec<LineTruth>,
    /// Mutations.
    pub mutations: Vec<Mutation>,
    /// Bytes of story text.
    pub text_bytes: usize,
}

impl Feed {
    /// The feed as one JSONL string.
    pub fn jsonl(&self) -> String {
        let mut s = self.lines.join("\n");
        s.push('\n');
        s
    }

    /// The truth as JSON.
    pub fn truth_json(&self) -> String {
        let lines: Vec<serde_json::Value> = self
            .truth
            .iter()
            .enumerate()
            .map(|(i, t)| {
                serde_json::json!({"line": i + 1, "id": t.id, "story": t.story, "language": t.language})
            })
            .collect();
        let mutations: Vec<serde_json::Value> = self
            .mutations
            .iter()
            .map(|m| {
                serde_json::json!({"id": m.id, "story": m.story, "kind": m.kind, "expects": m.expects,
                    "original": m.original, "mutated": m.mutated})
            })
            .collect();
        serde_json::to_string_pretty(&serde_json::json!({"lines": lines, "mutations": mutations}))
            .unwrap_or_default()
    }
}

/// Pairwise precision, recall and F1 of a grouping against the truth:
/// `predicted[i]` is the group of line `i`.
pub fn pairwise_f1(truth: &[LineTruth], predicted: &[String]) -> (f64, f64, f64) {
    use std::collections::HashMap;
    let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let mut cells: HashMap<(&str, &str), usize> = HashMap::new();
    let mut by_true: HashMap<&str, usize> = HashMap::new();
    let mut by_pred: HashMap<&str, usize> = HashMap::new();
    for (t, p) in truth.iter().zip(predicted) {
        *cells.entry((&t.story, p)).or_default() += 1;
        *by_true.entry(&t.story).or_default() += 1;
        *by_pred.entry(p).or_default() += 1;
    }
    let tp: f64 = cells.values().map(|&n| pairs(n)).sum();
    let tp_fp: f64 = by_pred.values().map(|&n| pairs(n)).sum();
    let tp_fn: f64 = by_true.values().map(|&n| pairs(n)).sum();
    let precision = if tp_fp > 0.0 { tp / tp_fp } else { 1.0 };
    let recall = if tp_fn > 0.0 { tp / tp_fn } else { 1.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}

#[path = "rng.rs"]
mod rng;
pub use rng::Rng;

pub const LANGS: [&str; 8] = ["en", "pt", "es", "de", "fr", "it", "uk", "ru"];

const FIRST: &[&str] = &[
    "Ingrid", "Tomas", "Marta", "Oskar", "Lena", "Pavel", "Rosa", "Dario", "Elin", "Bruno",
    "Nadia", "Viktor", "Alma", "Felix", "Irena", "Lukas", "Sofia", "Milan", "Ada", "Emil", "Vera",
    "Goran",
];
const SYL: &[&str] = &[
    "sol", "ber", "var", "len", "mor", "tan", "ves", "kor", "dal", "min", "rud", "pel", "nor",
    "gas", "tor", "lin", "bar", "mos", "ken", "fal", "dor", "ril", "sten", "vik", "ham", "pol",
];
const SURNAME_END: &[&str] = &[
    "berg", "ov", "ski", "ano", "ez", "mann", "son", "elli", "ard", "ic",
];
const PLACE_END: &[&str] = &["ora", "heim", "ano", "ova", "ville", "burg", "ia", "ent"];
const ORG_END: &[&str] = &["tec", "gen", "lux", "corp", "nova", "tron", "via", "mar"];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn word(rng: &mut Rng, ends: &[&str]) -> String {
    cap(&format!(
        "{}{}{}",
        rng.pick(SYL),
        rng.pick(SYL),
        rng.pick(ends)
    ))
}

/// `s` letter by letter through `pairs` (lower-case Latin → target, the
/// first that matches wins, so digraphs go first), each word capitalised
/// again (after a space or a hyphen); other characters are kept.
pub fn transcribe(s: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let lower = s.to_lowercase();
    let mut rest = lower.as_str();
    let mut first = true;
    while !rest.is_empty() {
        let (len, piece) = pairs
            .iter()
            .find(|(l, _)| rest.starts_with(l))
            .map(|&(l, t)| (l.len(), t))
            .unwrap_or_else(|| {
                let n = rest.chars().next().map_or(1, char::len_utf8);
                (n, &rest[..n])
            });
        out.push_str(&if first { cap(piece) } else { piece.to_string() });
        first = piece == " " || piece == "-";
        rest = &rest[len..];
    }
    out
}

/// Latin to Cyrillic, letter by letter (digraphs first): enough to write
/// made-up names the way a Ukrainian or Russian outlet would.
pub fn cyrillic(s: &str, lang: &str) -> String {
    let i = if lang == "uk" { "і" } else { "и" };
    let pairs: &[(&str, &str)] = &[
        ("sch", "ш"),
        ("sh", "ш"),
        ("ch", "ч"),
        ("zh", "ж"),
        ("ts", "ц"),
        ("ck", "к"),
        ("a", "а"),
        ("b", "б"),
        ("c", "к"),
        ("d", "д"),
        ("e", "е"),
        ("f", "ф"),
        ("g", "г"),
        ("h", "х"),
        ("i", i),
        ("j", "й"),
        ("k", "к"),
        ("l", "л"),
        ("m", "м"),
        ("n", "н"),
        ("o", "о"),
        ("p", "п"),
        ("q", "к"),
        ("r", "р"),
        ("s", "с"),
        ("t", "т"),
        ("u", "у"),
        ("v", "в"),
        ("w", "в"),
        ("x", "кс"),
        ("y", i),
        ("z", "з"),
    ];
    transcribe(s, pairs)
}

/// A name respelled: the first consonant after the first vowel doubled.
fn respell(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let vowel = chars
        .iter()
        .position(|c| "aeiouAEIOU".contains(*c))
        .unwrap_or(0);
    match (vowel + 1..chars.len()).find(|&i| !"aeiou".contains(chars[i])) {
        Some(i) => {
            let mut out: String = chars[..=i].iter().collect();
            out.extend(&chars[i..]);
            out
        }
        None => format!("{name}h"),
    }
}

#[derive(Clone)]
struct Facts {
    topic: usize,
    city: String,
    org: String,
    p1: (String, String),
    p2: (String, String),
    day: u64,
    month: usize,
    n1: u64,
    n2: u64,
    n3: u64,
    year: u64,
    time: i64,
}

/// Month names, in the order of [`LANGS`].
pub const MONTHS: [[&str; 12]; 8] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
];

/// Sentence templates: [topic][language] = five sentences, the third as
/// (affirmative, negated).
type Templates = [[(
    &'static str,
    &'static str,
    (&'static str, &'static str),
    &'static str,
    &'static str,
); 8]; 2];

const TEMPLATES: Templates = [
    [
        (
            "The city council of {city} approved a plan on {date} to build {n1} new homes near the river.",
            "Mayor {p1} said the project would cost {n2} million euros.",
            (
                "The regional government backed the plan.",
                "The regional government did not back the plan.",
            ),
            "{s1} added that work would begin in {year} and take {n3} months.",
            "Opposition leader {p2} called the budget unrealistic.",
        ),
        (
            "A câmara municipal de {city} aprovou em {date} um plano para construir {n1} casas novas junto ao rio.",
            "O presidente da câmara, {p1}, disse que o projeto custará {n2} milhões de euros.",
            (
                "O governo regional apoiou o plano.",
                "O governo regional não apoiou o plano.",
            ),
            "{s1} acrescentou que as obras começarão em {year} e durarão {n3} meses.",
            "A líder da oposição, {p2}, considerou o orçamento irrealista.",
        ),
        (
            "El ayuntamiento de {city} aprobó el {date} un plan para construir {n1} viviendas nuevas junto al río.",
            "El alcalde {p1} dijo que el proyecto costará {n2} millones de euros.",
            (
                "El gobierno regional respaldó el plan.",
                "El gobierno regional no respaldó el plan.",
            ),
            "{s1} añadió que las obras comenzarán en {year} y durarán {n3} meses.",
            "La líder de la oposición, {p2}, calificó el presupuesto de irreal.",
        ),
        (
            "Der Stadtrat von {city} hat am {date} einen Plan für {n1} neue Wohnungen am Fluss gebilligt.",
            "Bürgermeister {p1} sagte, das Projekt werde {n2} Millionen Euro kosten.",
            (
                "Die Landesregierung unterstützte den Plan.",
                "Die Landesregierung unterstützte den Plan nicht.",
            ),
            "{s1} fügte hinzu, die Arbeiten würden {year} beginnen und {n3} Monate dauern.",
            "Oppositionsführerin {p2} nannte den Haushalt unrealistisch.",
        ),
        (
            "Le conseil municipal de {city} a approuvé le {date} un plan pour construire {n1} logements neufs près du fleuve.",
            "Le maire, {p1}, a déclaré que le projet coûterait {n2} millions d'euros.",
            (
                "Le gouvernement régional a soutenu le plan.",
                "Le gouvernement régional n'a pas soutenu le plan.",
            ),
            "{s1} a ajouté que les travaux commenceraient en {year} et dureraient {n3} mois.",
            "La cheffe de l'opposition, {p2}, a jugé le budget irréaliste.",
        ),
        (
            "Il consiglio comunale di {city} ha approvato il {date} un piano per costruire {n1} nuove case vicino al fiume.",
            "Il sindaco {p1} ha detto che il progetto costerà {n2} milioni di euro.",
            (
                "Il governo regionale ha sostenuto il piano.",
                "Il governo regionale non ha sostenuto il piano.",
            ),
            "{s1} ha aggiunto che i lavori inizieranno nel {year} e dureranno {n3} mesi.",
            "La leader dell'opposizione, {p2}, ha definito il bilancio irrealistico.",
        ),
        (
            "Міська рада міста {city} {date} схвалила план будівництва {n1} нових будинків біля річки.",
            "Мер {p1} заявив, що проєкт коштуватиме {n2} мільйонів євро.",
            (
                "Обласна влада підтримала план.",
                "Обласна влада не підтримала план.",
            ),
            "{s1} додав, що роботи почнуться у {year} році й триватимуть {n3} місяців.",
            "Лідерка опозиції {p2} назвала бюджет нереалістичним.",
        ),
        (
            "Городской совет города {city} {date} одобрил план строительства {n1} новых домов у реки.",
            "Мэр {p1} заявил, что проект обойдётся в {n2} миллионов евро.",
            (
                "Областные власти поддержали план.",
                "Областные власти не поддержали план.",
            ),
            "{s1} добавил, что работы начнутся в {year} году и продлятся {n3} месяцев.",
            "Лидер оппозиции {p2} назвала бюджет нереалистичным.",
        ),
    ],
    [
        (
            "{org} reported a profit of {n2} million euros on {date}.",
            "Chief executive {p1} said the company would hire {n1} workers in {city}.",
            (
                "The board approved a dividend for shareholders.",
                "The board did not approve a dividend for shareholders.",
            ),
            "{s1} expects sales to grow by {n3} percent in {year}.",
            "Analyst {p2} said the results were better than expected.",
        ),
        (
            "A {org} anunciou em {date} um lucro de {n2} milhões de euros.",
            "O presidente executivo, {p1}, disse que a empresa vai contratar {n1} trabalhadores em {city}.",
            (
                "O conselho aprovou um dividendo para os acionistas.",
                "O conselho não aprovou um dividendo para os acionistas.",
            ),
            "{s1} espera que as vendas cresçam {n3} por cento em {year}.",
            "A analista {p2} disse que os resultados foram melhores do que o esperado.",
        ),
        (
            "{org} anunció el {date} un beneficio de {n2} millones de euros.",
            "El consejero delegado, {p1}, dijo que la empresa contratará a {n1} trabajadores en {city}.",
            (
                "El consejo aprobó un dividendo para los accionistas.",
                "El consejo no aprobó un dividendo para los accionistas.",
            ),
            "{s1} espera que las ventas crezcan un {n3} por ciento en {year}.",
            "La analista {p2} dijo que los resultados fueron mejores de lo esperado.",
        ),
        (
            "{org} hat am {date} einen Gewinn von {n2} Millionen Euro gemeldet.",
            "Vorstandschef {p1} sagte, das Unternehmen werde in {city} {n1} Mitarbeiter einstellen.",
            (
                "Der Aufsichtsrat billigte eine Dividende für die Aktionäre.",
                "Der Aufsichtsrat billigte keine Dividende für die Aktionäre.",
            ),
            "{s1} erwartet für {year} ein Umsatzwachstum von {n3} Prozent.",
            "Analystin {p2} sagte, die Zahlen seien besser als erwartet.",
        ),
        (
            "{org} a annoncé le {date} un bénéfice de {n2} millions d'euros.",
            "Le directeur général, {p1}, a déclaré que l'entreprise embaucherait {n1} salariés à {city}.",
            (
                "Le conseil a approuvé un dividende pour les actionnaires.",
                "Le conseil n'a pas approuvé de dividende pour les actionnaires.",
            ),
            "{s1} prévoit une hausse des ventes de {n3} pour cent en {year}.",
            "L'analyste {p2} a déclaré que les résultats étaient meilleurs que prévu.",
        ),
        (
            "{org} ha annunciato il {date} un utile di {n2} milioni di euro.",
            "L'amministratore delegato {p1} ha detto che l'azienda assumerà {n1} lavoratori a {city}.",
            (
                "Il consiglio ha approvato un dividendo per gli azionisti.",
                "Il consiglio non ha approvato un dividendo per gli azionisti.",
            ),
            "{s1} prevede una crescita delle vendite del {n3} per cento nel {year}.",
            "L'analista {p2} ha detto che i risultati sono stati migliori del previsto.",
        ),
        (
            "Компанія {org} {date} повідомила про прибуток у {n2} мільйонів євро.",
            "Генеральний директор {p1} заявив, що компанія найме {n1} працівників у місті {city}.",
            (
                "Рада директорів схвалила дивіденди для акціонерів.",
                "Рада директорів не схвалила дивіденди для акціонерів.",
            ),
            "{s1} очікує зростання продажів на {n3} відсотків у {year} році.",
            "Аналітикиня {p2} сказала, що результати виявилися кращими за очікування.",
        ),
        (
            "Компания {org} {date} сообщила о прибыли в {n2} миллионов евро.",
            "Генеральный директор {p1} заявил, что компания наймёт {n1} работников в городе {city}.",
            (
                "Совет директоров одобрил дивиденды для акционеров.",
                "Совет директоров не одобрил дивиденды для акционеров.",
            ),
            "{s1} ожидает роста продаж на {n3} процентов в {year} году.",
            "Аналитик {p2} сказала, что результаты оказались лучше ожиданий.",
        ),
    ],
];

const MUTATIONS: [(&str, &str); 5] = [
    ("number", "numeric_drift"),
    ("date", "date_drift"),
    ("negation", "polarity_drift"),
    ("name", "name_variant"),
    ("drop", "omission"),
];

fn thousands(n: u64, lang: &str) -> String {
    match lang {
        "en" => format!("{},{:03}", n / 1000, n % 1000),
        "pt" | "es" | "de" | "it" => format!("{}.{:03}", n / 1000, n % 1000),
        _ => n.to_string(),
    }
}

fn date(day: u64, month: usize, l: usize) -> String {
    let m = MONTHS[l][month];
    match LANGS[l] {
        "en" | "fr" | "it" | "uk" | "ru" => format!("{day} {m}"),
        "de" => format!("{day}. {m}"),
        _ => format!("{day} de {m}"),
    }
}

/// The five sentences of a version in language `l`, from its facts.
fn sentences(f: &Facts, l: usize, negated: bool, respelled: bool) -> Vec<String> {
    let lang = LANGS[l];
    let script = |s: &str| {
        if matches!(lang, "uk" | "ru") {
            cyrillic(s, lang)
        } else {
            s.to_string()
        }
    };
    let s1 = if respelled {
        respell(&f.p1.1)
    } else {
        f.p1.1.clone()
    };
    let t = TEMPLATES[f.topic][l];
    let third = if negated { t.2.1 } else { t.2.0 };
    [t.0, t.1, third, t.3, t.4]
        .iter()
        .map(|s| {
            s.replace("{city}", &script(&f.city))
                .replace("{org}", &script(&f.org))
                .replace("{p1}", &script(&format!("{} {s1}", f.p1.0)))
                .replace("{s1}", &script(&s1))
                .replace("{p2}", &script(&format!("{} {}", f.p2.0, f.p2.1)))
                .replace("{date}", &date(f.day, f.month, l))
                .replace("{n1}", &thousands(f.n1, lang))
                .replace("{n2}", &f.n2.to_string())
                .replace("{n3}", &f.n3.to_string())
                .replace("{year}", &f.year.to_string())
        })
        .collect()
}

/// Seconds since the epoch of 2030-01-01, the feed's first day.
const START: i64 = 1_893_456_000;

pub fn rfc3339(t: i64) -> String {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // Civil from days (H. Hinnant).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Generates a feed.
pub fn generate(spec: &Spec) -> Feed {
    let mut rng = Rng(spec.seed);
    let mut stories: Vec<Facts> = Vec::with_capacity(spec.stories);
    for s in 0..spec.stories {
        let person = |rng: &mut Rng| (rng.pick(FIRST).to_string(), word(rng, SURNAME_END));
        let time = START + s as i64 * 3 * 3600;
        let fresh = Facts {
            topic: (rng.next() % 2) as usize,
            city: word(&mut rng, PLACE_END),
            org: word(&mut rng, ORG_END),
            p1: person(&mut rng),
            p2: person(&mut rng),
            day: rng.range(1, 28),
            month: rng.range(0, 11) as usize,
            n1: rng.range(1200, 9999),
            n2: rng.range(12, 950),
            n3: rng.range(10, 48),
            year: rng.range(2031, 2039),
            time,
        };
        let follow =
            spec.follow_up_every > 0 && s % spec.follow_up_every == spec.follow_up_every - 1;
        let facts = match stories.get(s.wrapping_sub(2)) {
            // The same people, place and company a few days later, with new numbers.
            Some(old) if follow => Facts {
                topic: old.topic,
                city: old.city.clone(),
                org: old.org.clone(),
                p1: old.p1.clone(),
                p2: old.p2.clone(),
                time: old.time + rng.range(3, 6) as i64 * 86_400,
                ..fresh
            },
            _ => fresh,
        };
        stories.push(facts);
    }
    let mut entries: Vec<(i64, String, LineTruth)> = Vec::new();
    let mut feed = Feed::default();
    for (s, f) in stories.iter().enumerate() {
        let story = format!("story-{s:05}");
        let first_lang = (rng.next() % 8) as usize;
        let (mutation, expects) = MUTATIONS[s % MUTATIONS.len()];
        let target = if spec.versions > 1 {
            1 + s % (spec.versions - 1)
        } else {
            usize::MAX
        };
        for v in 0..spec.versions {
            let l = (first_lang + v * 3) % 8;
            let lang = LANGS[l];
            let id = format!("{:012x}", rng.next() >> 16);
            let mutated = v == target;
            let mut facts = f.clone();
            let mut change = |from: String, to: String| {
                feed.mutations.push(Mutation {
                    id: id.clone(),
                    story: story.clone(),
                    kind: mutation,
                    expects,
                    original: from,
                    mutated: to,
                });
            };
            let mut negated = false;
            let mut respelled = false;
            let mut drop = None;
            if mutated {
                match mutation {
                    "number" => {
                        facts.n1 = if f.n1 > 5000 {
                            f.n1 - 1100
                        } else {
                            f.n1 + 1100
                        };
                        change(thousands(f.n1, lang), thousands(facts.n1, lang));
                    }
                    "date" => {
                        facts.day = if f.day > 14 { f.day - 7 } else { f.day + 7 };
                        change(date(f.day, f.month, l), date(facts.day, f.month, l));
                    }
                    "negation" => {
                        negated = true;
                        let t = TEMPLATES[f.topic][l].2;
                        change(t.0.to_string(), t.1.to_string());
                    }
                    "name" => {
                        respelled = true;
                        let script = |s: &str| {
                            if matches!(lang, "uk" | "ru") {
                                cyrillic(s, lang)
                            } else {
                                s.to_string()
                            }
                        };
                        change(script(&f.p1.1), script(&respell(&f.p1.1)));
                    }
                    _ => {
                        let dropped = 4;
                        drop = Some(dropped);
                        change(
                            sentences(f, l, false, false)[dropped].clone(),
                            String::new(),
                        );
                    }
                }
            }
            let mut text = String::new();
            for (i, sentence) in sentences(&facts, l, negated, respelled).iter().enumerate() {
                if drop == Some(i) {
                    continue;
                }
                if !text.is_empty() {
                    text.push(if i == 3 { '\n' } else { ' ' });
                }
                text.push_str(sentence);
            }
            feed.text_bytes += text.len();
            let time = f.time + v as i64 * 40 * 60;
            let mut line = serde_json::json!({"id": id, "published": rfc3339(time), "text": text});
            if spec.keys {
                line["story"] = story.clone().into();
            }
            let mut json = String::new();
            let _ = write!(json, "{line}");
            entries.push((
                time,
                json,
                LineTruth {
                    id,
                    story: story.clone(),
                    language: lang,
                },
            ));
        }
    }
    // Feed order is publication order (stable: a story's versions keep theirs).
    entries.sort_by_key(|e| e.0);
    for (_, line, truth) in entries {
        feed.lines.push(line);
        feed.truth.push(truth);
    }
    feed
}
