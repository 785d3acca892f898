//! Table-driven extraction tests, one row per case, per language, plus
//! cross-language comparisons and a property test.
//!
//! A row is `(text, expected)`, the expectation of the first quantity found:
//! `=V` one value, `LO..HI` a range, `~LO..HI` a vague amount, `A:B` a score,
//! or `none` (no quantity at all); then the unit (`#` count, `%`, `pp`,
//! `ord`, a currency code); then optionally `@concept` (`@-`: counts
//! nothing), `q=min|max|approx`, `n=N` (number of quantities).

use super::*;

fn run(lang: &str, text: &str) -> Vec<Quantity> {
    let lex = Lexicons::embedded();
    extract(text, lang, lex.lang(lang))
}

fn unit_name(u: &Unit) -> String {
    match u {
        Unit::Count => "#".into(),
        Unit::Percent => "%".into(),
        Unit::PercentagePoint => "pp".into(),
        Unit::Currency(c) => c.to_string(),
        Unit::Ordinal => "ord".into(),
        Unit::Score => "score".into(),
        Unit::Fraction => "frac".into(),
    }
}

fn describe(q: &Quantity) -> String {
    format!(
        "{:?} {}..{} {} {:?} {:?} vague={}",
        q.value,
        q.min,
        q.max,
        unit_name(&q.unit),
        q.qualifier,
        q.counts.as_ref().map(|c| (&c.text, &c.concept)),
        q.vague
    )
}

fn num(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("bad number {s}"))
}

fn check(lang: &str, rows: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (text, spec) in rows {
        let found = run(lang, text);
        if let Err(why) = matches(&found, spec) {
            let got: Vec<String> = found
                .iter()
                .map(|q| format!("[{}] {}", q.span.slice(text), describe(q)))
                .collect();
            failures.push(format!(
                "{lang}: {text:?} expected {spec}: {why}; got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn matches(found: &[Quantity], spec: &str) -> Result<(), String> {
    let mut fields = spec.split_whitespace();
    let value = fields.next().ok_or("empty spec")?;
    if value == "none" {
        return if found.is_empty() {
            Ok(())
        } else {
            Err("expected nothing".into())
        };
    }
    let q = found.first().ok_or("nothing found")?;
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
    if let Some(v) = value.strip_prefix('=') {
        if !q.value.is_some_and(|x| close(x, num(v))) || q.vague {
            return Err("value".into());
        }
    } else if let Some((a, b)) = value.split_once(':') {
        if q.sides.as_deref() != Some(&[num(a), num(b)]) || q.unit != Unit::Score {
            return Err("score".into());
        }
    } else {
        let (vague, range) = match value.strip_prefix('~') {
            Some(r) => (true, r),
            None => (false, value),
        };
        let (lo, hi) = range.split_once("..").ok_or("bad range spec")?;
        if q.value.is_some() || q.vague != vague || !close(q.min, num(lo)) || !close(q.max, num(hi))
        {
            return Err("range".into());
        }
    }
    if let Some(unit) = fields.next() {
        if unit != unit_name(&q.unit) && !(unit == "#" && q.unit == Unit::Score) {
            return Err(format!("unit {}", unit_name(&q.unit)));
        }
    }
    for field in fields {
        if let Some(c) = field.strip_prefix('@') {
            let got = q.counts.as_ref().and_then(|c| c.concept.as_deref());
            let ok = match c {
                "-" => q.counts.is_none(),
                _ => got == Some(c),
            };
            if !ok {
                return Err(format!("concept {got:?}"));
            }
        } else if let Some(want) = field.strip_prefix("q=") {
            let got = match q.qualifier {
                Some(Qualifier::Min) => "min",
                Some(Qualifier::Max) => "max",
                Some(Qualifier::Approx) => "approx",
                None => "none",
            };
            if got != want {
                return Err(format!("qualifier {got}"));
            }
        } else if let Some(n) = field.strip_prefix("n=") {
            if found.len().to_string() != n {
                return Err(format!("{} quantities", found.len()));
            }
        } else {
            return Err(format!("bad spec field {field}"));
        }
    }
    Ok(())
}

#[test]
fn english() {
    check(
        "en",
        &[
            ("The union now has 27 member countries.", "=27 # @country"),
            // "m" and "k" glued to an amount of money multiply it; alone
            // "5m" is five metres, no quantity of this reader.
            ("The club paid £30m for the striker.", "=30000000 GBP"),
            ("The prize is worth US$2.5m this year.", "=2500000 USD"),
            ("She earned $40k last year.", "=40000 USD"),
            ("The wall is 5m high.", "none"),
            ("Fees rose from £3m to £8m.", "3000000..8000000 GBP"),
            // A currency written before both ends of a range.
            (
                "They may pay between £3million and £9million in damages.",
                "3000000..9000000 GBP",
            ),
            (
                "The repairs cost between $2 and $5 million.",
                "2000000..5000000 USD",
            ),
            // Mixed numbers; a date's slashes are not a fraction.
            ("The fine is over 2 1/2 million tenge.", "=2500000 # q=min"),
            ("The walk took 1½ hours.", "=1.5 #"),
            ("The hike took 3 ¾ days.", "=3.75 #"),
            ("The meeting is on 3 1/2/2020 at noon.", "=3 #"),
            ("Thirty-two countries signed the pact.", "=32 # @country"),
            ("Some 1,200 dockers walked out.", "=1200 # q=approx"),
            // A count of things is whole: a source language's thousands dot.
            ("About 1.200 dockers walked out.", "=1200 # q=approx"),
            ("The index rose to 1.250 points.", "=1250 # @point"),
            ("Inflation reached 1.250 percent.", "=1.25 %"),
            ("The deal is worth $1.7 million.", "=1700000 USD"),
            ("Profits reached $5bn last year.", "=5000000000 USD"),
            ("It costs €250 per night.", "=250 EUR"),
            ("Prices rose 12.5% in a year.", "=12.5 %"),
            ("Support fell 3 percentage points.", "=3 pp"),
            ("Unemployment stood at 4.2 percent.", "=4.2 %"),
            (
                "Tens of thousands of protesters marched.",
                "~20000..90000 # @protester",
            ),
            ("Hundreds of people gathered.", "~200..900 # @person"),
            ("Dozens were arrested.", "~24..99 #"),
            ("Between 10 and 12 percent voted no.", "10..12 %"),
            (
                "Growth of 3-4 million jobs is expected.",
                "3000000..4000000 # @job",
            ),
            ("Chelsea beat Arsenal 3-1 on Sunday.", "3:1 # n=1"),
            ("The final ended 2:2.", "2:2 #"),
            ("More than 30 people died.", "=30 # @person q=min"),
            ("Almost 40 schools closed.", "=40 # @school q=max"),
            ("Half a million tourists came.", "=500000 # @tourist"),
            ("A dozen police officers were hurt.", "=12 # @police"),
            (
                "Two hundred and five thousand voters registered.",
                "=205000 # @voter",
            ),
            ("She finished 3rd in the race.", "=3 ord"),
            ("The summit opened on 3 December 2024.", "none"),
            ("In 2023 the economy grew.", "none"),
            ("Talks resume at 10:30 on Friday.", "none"),
            (
                "COVID-19 and the G7 were discussed, as were F-16 jets.",
                "none",
            ),
            ("One of them refused.", "none"),
            ("Under article 5 the allies must respond.", "none"),
            ("One soldier was wounded.", "=1 # @soldier"),
            ("A million people fled.", "=1000000 # @person"),
            ("There were 2,000 spectators.", "=2000 # @spectator"),
            (
                "The strike involved 1,000,000 workers.",
                "=1000000 # @worker",
            ),
            ("Temperatures fell to -5 degrees.", "=-5 #"),
            (
                "32 killed and 120 injured in the blast.",
                "=32 # @death n=2",
            ),
            ("It lasted 90 minutes.", "=90 # @minute"),
            ("The 33-month war goes on.", "=33 # @month"),
            (
                "See https://example.org/photos/16409305/a?1732917279 for more.",
                "none",
            ),
            ("The trust is registered as 16409305.", "none"),
            ("Call +44 20 7946 0958 for details.", "none"),
        ],
    );
}

#[test]
fn portuguese() {
    check(
        "pt",
        &[
            ("A aliança tem 32 países-membros.", "=32 # @country"),
            ("Trinta e dois países assinaram o acordo.", "=32 # @country"),
            (
                "Cerca de 1.200 estivadores entraram em greve.",
                "=1200 # q=approx",
            ),
            ("O contrato vale 1,7 milhões de euros.", "=1700000 EUR"),
            ("O lucro chegou a R$ 5 bilhões.", "=5000000000 BRL"),
            ("A dívida soma US$ 3,5 mi.", "=3500000 USD"),
            ("A inflação subiu 12,5% em um ano.", "=12.5 %"),
            ("O desemprego ficou em 4,2 por cento.", "=4.2 %"),
            ("O apoio caiu 3 pontos percentuais.", "=3 pp"),
            (
                "Dezenas de milhares de manifestantes protestaram.",
                "~20000..90000 # @protester",
            ),
            ("Centenas de pessoas se reuniram.", "~200..900 # @person"),
            (
                "Milhares de torcedores comemoraram.",
                "~2000..9000 # @spectator",
            ),
            ("Entre 10 e 12 por cento votaram contra.", "10..12 %"),
            ("Mais de 30 pessoas morreram.", "=30 # @person q=min"),
            ("Quase 40 escolas fecharam.", "=40 # @school q=max"),
            (
                "Meio milhão de turistas visitaram a cidade.",
                "=500000 # @tourist",
            ),
            ("Dois mil soldados foram enviados.", "=2000 # @soldier"),
            (
                "Duzentos e cinco mil eleitores votaram.",
                "=205000 # @voter",
            ),
            ("O time terminou em 3º lugar.", "=3 ord"),
            ("A cúpula começou em 3 e 4 de dezembro de 2024.", "none"),
            ("Em 2023 a economia cresceu.", "none"),
            ("Um dos países recusou.", "none"),
            ("Um milhão de pessoas fugiram.", "=1000000 # @person"),
            (
                "O Flamengo venceu por 3 a 1, com 62.000 torcedores.",
                "3:1 # n=2",
            ),
            ("O jogo teve 62.000 torcedores.", "=62000 # @spectator"),
            (
                "O estádio recebeu 1 700 000 visitantes.",
                "=1700000 # @tourist",
            ),
            ("Cinco mortos e trinta feridos.", "=5 # @death n=2"),
            ("A reunião durou duas horas.", "=2 # @hour"),
            ("O preço caiu para 3,50 euros.", "=3.5 EUR"),
            ("Na sexta-feira (29), o ministro viajou.", "none"),
            ("A reunião começou às 21h30.", "none"),
        ],
    );
}

#[test]
fn spanish() {
    check(
        "es",
        &[
            ("La alianza tiene 32 países miembros.", "=32 # @country"),
            ("Treinta y dos países firmaron el pacto.", "=32 # @country"),
            (
                "Unos 1.200 estibadores fueron a la huelga.",
                "=1200 # q=approx",
            ),
            ("El contrato vale 1,7 millones de euros.", "=1700000 EUR"),
            (
                "El Estado gastó mil millones de dólares.",
                "=1000000000 USD",
            ),
            ("La inflación subió un 12,5% en un año.", "=12.5 %"),
            ("El paro se situó en el 4,2 por ciento.", "=4.2 %"),
            ("El apoyo cayó 3 puntos porcentuales.", "=3 pp"),
            (
                "Decenas de miles de manifestantes marcharon.",
                "~20000..90000 # @protester",
            ),
            ("Cientos de personas se reunieron.", "~200..900 # @person"),
            (
                "Miles de aficionados celebraron.",
                "~2000..9000 # @spectator",
            ),
            ("Entre 10 y 12 por ciento votó en contra.", "10..12 %"),
            ("Más de 30 personas murieron.", "=30 # @person q=min"),
            ("Casi 40 escuelas cerraron.", "=40 # @school q=max"),
            (
                "Alrededor de 2.000 personas acudieron.",
                "=2000 # @person q=approx",
            ),
            ("Medio millón de turistas llegaron.", "=500000 # @tourist"),
            ("Veintidós muertos en el accidente.", "=22 # @death"),
            ("Doscientos mil euros fueron robados.", "=200000 EUR"),
            ("El equipo acabó 3º en la liga.", "=3 ord"),
            ("La cumbre se celebró el 3 de diciembre de 2024.", "none"),
            ("En 2023 la economía creció.", "none"),
            ("Uno de ellos se negó.", "none"),
            ("Un millón de personas huyeron.", "=1000000 # @person"),
            (
                "El Real Madrid ganó 2-0 ante 80.000 espectadores.",
                "2:0 # n=2",
            ),
            (
                "Cuarenta y cinco soldados resultaron heridos.",
                "=45 # @soldier",
            ),
            ("La reunión duró tres horas.", "=3 # @hour"),
            ("Se perdieron 10 000 empleos.", "=10000 # @job"),
        ],
    );
}

#[test]
fn german() {
    check(
        "de",
        &[
            ("Das Bündnis hat 32 Mitgliedstaaten.", "=32 # @country"),
            ("Zweiunddreißig Länder unterzeichneten.", "=32 # @country"),
            ("Rund 1.200 Hafenarbeiter streikten.", "=1200 # q=approx"),
            ("Der Vertrag ist 1,7 Millionen Euro wert.", "=1700000 EUR"),
            ("Der Konzern verlor 3 Mrd. Dollar.", "=3000000000 USD"),
            ("Die Inflation stieg um 12,5 Prozent.", "=12.5 %"),
            ("Die Arbeitslosigkeit lag bei 4,2 %.", "=4.2 %"),
            ("Die Zustimmung sank um 3 Prozentpunkte.", "=3 pp"),
            (
                "Zehntausende Demonstranten zogen durch die Stadt.",
                "~20000..90000 # @protester",
            ),
            (
                "Hunderte Menschen versammelten sich.",
                "~200..900 # @person",
            ),
            ("Tausende Fans feierten.", "~2000..9000 # @spectator"),
            ("Zwischen 10 und 12 Prozent stimmten dagegen.", "10..12 %"),
            ("Mehr als 30 Menschen starben.", "=30 # @person q=min"),
            ("Fast 40 Schulen wurden geschlossen.", "=40 # @school q=max"),
            ("Im Stadion waren 62.000 Zuschauern.", "=62000 # @spectator"),
            ("Eine Million Menschen flohen.", "=1000000 # @person"),
            (
                "Dreihunderttausend Einwohner sind betroffen.",
                "=300000 # @resident",
            ),
            ("Einundzwanzig Tote wurden geborgen.", "=21 # @death"),
            ("Er belegte den 3. Platz.", "=3 ord"),
            ("Der Gipfel begann am 3. Dezember 2024.", "none"),
            ("Im Jahr 2023 wuchs die Wirtschaft.", "none"),
            ("Die Sitzung beginnt um 10:30 Uhr.", "none"),
            ("Bayern gewann 3:1 gegen Dortmund.", "3:1 #"),
            ("Es gab 10 000 neue Arbeitsplätze.", "=10000 # @job"),
            ("Die Zahl stieg auf 2,5 Mio.", "=2500000 #"),
            ("Der Streik dauerte zwei Wochen.", "=2 # @week"),
            (
                "Über 5000 Soldaten wurden entsandt.",
                "=5000 # @soldier q=min",
            ),
        ],
    );
}

#[test]
fn french() {
    check(
        "fr",
        &[
            ("L'alliance compte 32 pays membres.", "=32 # @country"),
            ("Trente-deux pays ont signé.", "=32 # @country"),
            ("Environ 1 200 dockers ont fait grève.", "=1200 # q=approx"),
            ("Le contrat vaut 1,7 million d'euros.", "=1700000 EUR"),
            ("L'inflation a atteint 12,5 %.", "=12.5 %"),
            ("Le chômage est de 4,2 pour cent.", "=4.2 %"),
            (
                "Des dizaines de milliers de manifestants ont défilé.",
                "~20000..90000 # @protester",
            ),
            (
                "Des centaines de personnes se sont réunies.",
                "~200..900 # @person",
            ),
            (
                "Des milliers de supporters ont fêté la victoire.",
                "~2000..9000 # @spectator",
            ),
            (
                "Une centaine de soldats ont été déployés.",
                "~80..120 # @soldier",
            ),
            ("Entre 10 et 12 pour cent ont voté contre.", "10..12 %"),
            ("Plus de 30 personnes sont mortes.", "=30 # @person q=min"),
            ("Près de 40 écoles ont fermé.", "=40 # @school q=approx"),
            ("Soixante-dix personnes ont été évacuées.", "=70 # @person"),
            (
                "Quatre-vingt-dix-sept morts ont été recensés.",
                "=97 # @death",
            ),
            ("Soixante et onze blessés.", "=71 # @injured"),
            ("Vingt et un pays ont voté pour.", "=21 # @country"),
            ("Un demi-million de touristes.", "=500000 # @tourist"),
            ("Il a terminé à la 3e place.", "=3 ord"),
            ("Le sommet s'est ouvert le 1er décembre 2024.", "none"),
            ("En 2023, l'économie a progressé.", "none"),
            ("L'un d'eux a refusé.", "none"),
            ("Un million de personnes ont fui.", "=1000000 # @person"),
            ("Le PSG a gagné 2-0.", "2:0 #"),
            ("La réunion a duré deux heures.", "=2 # @hour"),
            ("Quatre-vingts députés ont voté.", "=80 # @lawmaker"),
            (
                "Le budget atteint 3 milliards de dollars.",
                "=3000000000 USD",
            ),
        ],
    );
}

#[test]
fn italian() {
    check(
        "it",
        &[
            ("L'alleanza conta 32 paesi membri.", "=32 # @country"),
            ("Trentadue paesi hanno firmato.", "=32 # @country"),
            ("Circa 1.200 portuali hanno scioperato.", "=1200 # q=approx"),
            ("Il contratto vale 1,7 milioni di euro.", "=1700000 EUR"),
            ("L'inflazione è salita del 12,5%.", "=12.5 %"),
            ("La disoccupazione è al 4,2 per cento.", "=4.2 %"),
            ("Il consenso è sceso di 3 punti percentuali.", "=3 pp"),
            (
                "Decine di migliaia di manifestanti hanno sfilato.",
                "~20000..90000 # @protester",
            ),
            (
                "Centinaia di persone si sono radunate.",
                "~200..900 # @person",
            ),
            (
                "Migliaia di tifosi hanno festeggiato.",
                "~2000..9000 # @spectator",
            ),
            ("Tra 10 e 12 per cento ha votato contro.", "10..12 %"),
            ("Oltre 30 persone sono morte.", "=30 # @person q=min"),
            ("Quasi 40 scuole hanno chiuso.", "=40 # @school q=max"),
            ("Ventuno morti nell'incidente.", "=21 # @death"),
            ("Duemila soldati sono stati inviati.", "=2000 # @soldier"),
            (
                "Centoventi feriti sono stati ricoverati.",
                "=120 # @injured",
            ),
            (
                "Trecentomila abitanti sono senza luce.",
                "=300000 # @resident",
            ),
            ("Mezzo milione di turisti.", "=500000 # @tourist"),
            ("La squadra è arrivata al 3° posto.", "=3 ord"),
            ("Il vertice si è aperto il 3 dicembre 2024.", "none"),
            ("Nel 2023 l'economia è cresciuta.", "none"),
            ("Uno di loro ha rifiutato.", "none"),
            ("Un milione di persone sono fuggite.", "=1000000 # @person"),
            ("La Juventus ha vinto 3-1.", "3:1 #"),
            ("La riunione è durata due ore.", "=2 # @hour"),
            ("Il bilancio è di 3 miliardi di dollari.", "=3000000000 USD"),
            (
                "Una decina di agenti sono rimasti feriti.",
                "~8..12 # @police",
            ),
        ],
    );
}

#[test]
fn ukrainian() {
    check(
        "uk",
        &[
            ("До альянсу входять 32 країни-члени.", "=32 # @country"),
            ("Клуб продасть не менше дванадцяти гравців.", "=12 # q=min"),
            ("Клуб продасть не більше 12 гравців.", "=12 # q=max"),
            ("Тридцять дві країни підписали угоду.", "=32 # @country"),
            ("Понад тридцять два члени альянсу.", "=32 # @member q=min"),
            ("Страйкували 1200 докерів.", "=1200 #"),
            ("Угода коштує 1,7 млн гривень.", "=1700000 UAH"),
            ("Збитки сягнули 5 млрд доларів.", "=5000000000 USD"),
            ("Інфляція зросла на 12,5%.", "=12.5 %"),
            ("Безробіття становить 4,2 відсотка.", "=4.2 %"),
            (
                "Десятки тисяч людей вийшли на протест.",
                "~20000..90000 # @person",
            ),
            ("Сотні людей зібралися на площі.", "~200..900 # @person"),
            (
                "Тисячі вболівальників святкували.",
                "~2000..9000 # @spectator",
            ),
            ("Від 10 до 12 відсотків проголосували проти.", "10..12 %"),
            ("Понад 30 людей загинули.", "=30 # @person q=min"),
            ("Майже 40 шкіл закрили.", "=40 # @school q=max"),
            ("Близько 300 осіб евакуювали.", "=300 # @person q=approx"),
            (
                "Загинули двоє солдатів, двох солдатів поранено.",
                "=2 # @soldier",
            ),
            ("Двадцяти особам надали допомогу.", "=20 # @person"),
            (
                "Півтора мільйона біженців повернулися.",
                "=1500000 # @refugee",
            ),
            (
                "Сотні тисяч біженців виїхали.",
                "~200000..900000 # @refugee",
            ),
            ("Команда посіла 3-тє місце.", "=3 ord"),
            ("Команда посіла 3-й раунд.", "=3 ord"),
            ("Саміт відбувся 3 грудня 2024 року.", "none"),
            ("У 2023 році економіка зросла.", "none"),
            ("Один з них відмовився.", "none"),
            ("Динамо перемогло 3:1.", "3:1 #"),
            ("Нарада тривала дві години.", "=2 # @hour"),
            ("Було створено 10 000 робочих місць.", "=10000 #"),
            ("Загинули 32 людини.", "=32 # @person"),
            ("Двоє дітей отримали поранення.", "=2 # @child"),
            (
                "Близько 2 тис. осіб евакуювали.",
                "=2000 # @person q=approx",
            ),
            ("У 2022-2023 роках ціни зросли.", "none"),
        ],
    );
}

#[test]
fn russian() {
    check(
        "ru",
        &[
            ("В альянс входят 32 страны.", "=32 # @country"),
            // "не меньше" is at least, "не больше" at most.
            ("Клуб продаст не меньше двенадцати игроков.", "=12 # q=min"),
            ("Клуб продаст не больше 12 игроков.", "=12 # q=max"),
            (
                "Тридцать две страны подписали соглашение.",
                "=32 # @country",
            ),
            (
                "Более тридцати двух стран поддержали резолюцию.",
                "=32 # @country q=min",
            ),
            ("Бастовали 1200 докеров.", "=1200 #"),
            ("Сделка стоит 1,7 млн рублей.", "=1700000 RUB"),
            ("Ущерб составил 5 млрд долларов.", "=5000000000 USD"),
            ("Инфляция выросла на 12,5%.", "=12.5 %"),
            ("Безработица составляет 4,2 процента.", "=4.2 %"),
            (
                "Десятки тысяч человек вышли на протест.",
                "~20000..90000 # @person",
            ),
            ("Сотни людей собрались на площади.", "~200..900 # @person"),
            (
                "Тысячи болельщиков праздновали.",
                "~2000..9000 # @spectator",
            ),
            ("От 10 до 12 процентов проголосовали против.", "10..12 %"),
            ("Более 30 человек погибли.", "=30 # @person q=min"),
            ("Почти 40 школ закрыли.", "=40 # @school q=max"),
            ("Около 300 человек эвакуировали.", "=300 # @person q=approx"),
            ("Он встретился с двумя игроками.", "=2 # @player"),
            // The accusative feminine ordinal ("пятую" = "5-ю").
            ("Команда одержала 7-ю победу подряд.", "=7 ord"),
            (
                "Проект обойдется от $4 млн до $6 млн.",
                "4000000..6000000 USD",
            ),
            ("Погибли сорока солдат не было.", "=40 # @soldier"),
            ("Полмиллиона беженцев вернулись.", "=500000 # @refugee"),
            (
                "Двести тысяч жителей остались без света.",
                "=200000 # @resident",
            ),
            ("Команда заняла 3-е место.", "=3 ord"),
            ("Саммит прошёл 3 декабря 2024 года.", "none"),
            ("В 2024 году экономика выросла.", "none"),
            ("Один из них отказался.", "none"),
            ("Спартак выиграл 2:0.", "2:0 #"),
            ("Совещание длилось два часа.", "=2 # @hour"),
            ("Было создано 10 000 рабочих мест.", "=10000 #"),
            ("Погибли 32 человека.", "=32 # @person"),
            (
                "Двадцать пять тысяч зрителей пришли на матч.",
                "=25000 # @spectator",
            ),
        ],
    );
}

/// The first quantity of a text, for comparisons.
fn first(lang: &str, text: &str) -> Quantity {
    run(lang, text)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no quantity in {text:?}"))
}

#[test]
fn forms_of_one_fact_compare_equal_across_languages() {
    let groups: &[&[(&str, &str)]] = &[
        &[
            ("en", "32 member states"),
            ("en", "thirty-two countries"),
            ("pt", "trinta e dois países-membros"),
            ("es", "treinta y dos países"),
            ("de", "zweiunddreißig Mitgliedstaaten"),
            ("fr", "trente-deux pays"),
            ("it", "trentadue paesi"),
            ("uk", "тридцять дві країни"),
            ("ru", "32 страны"),
            ("ru", "тридцати двух стран"),
        ],
        &[
            ("en", "1.7 million people"),
            ("en", "1,700,000 people"),
            ("pt", "1,7 milhões de pessoas"),
            ("fr", "1 700 000 personnes"),
            ("de", "1,7 Millionen Menschen"),
            ("ru", "1,7 млн человек"),
            ("uk", "1 700 000 людей"),
        ],
        &[
            ("en", "tens of thousands of people"),
            ("pt", "dezenas de milhares de pessoas"),
            ("es", "decenas de miles de personas"),
            ("de", "Zehntausende Menschen"),
            ("fr", "des dizaines de milliers de personnes"),
            ("it", "decine di migliaia di persone"),
            ("uk", "десятки тисяч людей"),
            ("ru", "десятков тысяч человек"),
        ],
        // Billions without a figure, in every language that has the word.
        &[
            ("en", "billions of dollars"),
            ("pt", "bilhões de dólares"),
            ("es", "miles de millones de dólares"),
            ("de", "Milliarden Dollar"),
            ("fr", "des milliards de dollars"),
            ("it", "miliardi di dollari"),
            ("uk", "мільярди доларів"),
            ("ru", "миллиарды долларов"),
        ],
        // Lakh and crore grouping; the abbreviations of wire English.
        &[
            ("en", "2,06,737 cases"),
            ("en", "206,737 cases"),
            ("de", "206.737 Fälle"),
        ],
        // Lakh and crore as words, kept by translators of Indian news.
        &[
            ("en", "41.78 lakh cases"),
            ("en", "4,178,000 cases"),
            ("de", "41,78 Lakh Fälle"),
            ("fr", "41,78 lakhs de cas"),
            ("ru", "4 178 000 случаев"),
        ],
        &[
            ("en", "1.2 crore people"),
            ("en", "12 million people"),
            ("ru", "1,2 крора человек"),
        ],
        &[("en", "$1 tln"), ("en", "$1 trillion"), ("ru", "$1 трлн")],
        &[("en", "$4 bln"), ("en", "$4 billion"), ("ru", "$4 млрд")],
        &[
            ("en", "12.5%"),
            ("en", "12.5 percent"),
            ("pt", "12,5 por cento"),
            ("es", "12,5 por ciento"),
            ("de", "12,5 Prozent"),
            ("fr", "12,5 pour cent"),
            ("it", "12,5 per cento"),
            ("uk", "12,5 відсотків"),
            ("ru", "12,5 процентов"),
        ],
        &[
            ("en", "€5 billion"),
            ("pt", "5 bilhões de euros"),
            ("de", "5 Mrd. Euro"),
            ("fr", "5 milliards d'euros"),
            ("uk", "5 млрд євро"),
        ],
    ];
    for group in groups {
        let qs: Vec<Quantity> = group.iter().map(|(l, t)| first(l, t)).collect();
        for (a, qa) in group.iter().zip(&qs) {
            for (b, qb) in group.iter().zip(&qs) {
                assert!(qa.same_value(qb), "{a:?} and {b:?} differ in value");
                assert!(qa.comparable(qb), "{a:?} and {b:?} are not comparable");
            }
        }
    }
}

/// Two texts, each with its language.
type Pair = ((&'static str, &'static str), (&'static str, &'static str));

#[test]
fn drift_is_told_from_form() {
    let differ: &[Pair] = &[
        (("en", "32 countries"), ("pt", "31 países")),
        (
            ("en", "tens of thousands of people"),
            ("pt", "milhares de pessoas"),
        ),
        (
            ("en", "hundreds of people"),
            ("de", "Hunderttausende Menschen"),
        ),
        (("en", "2 million people"), ("en", "2.4 million people")),
        (
            ("en", "more than 30 people"),
            ("fr", "moins de 30 personnes"),
        ),
        (("en", "won 3-1"), ("pt", "venceu por 1 a 3")),
        (
            ("en", "between 10 and 12 percent"),
            ("es", "entre 10 y 14 por ciento"),
        ),
        (("en", "12.5%"), ("de", "12,6 Prozent")),
    ];
    for (a, b) in differ {
        let (qa, qb) = (first(a.0, a.1), first(b.0, b.1));
        assert!(!qa.same_value(&qb), "{a:?} and {b:?} should differ");
        assert!(!qb.same_value(&qa), "{b:?} and {a:?} should differ");
    }
    let same: &[Pair] = &[
        (("en", "thousands of people"), ("pt", "5.000 pessoas")),
        (("en", "dozens of people"), ("pt", "dezenas de pessoas")),
        (("en", "1.7 million"), ("en", "1,712,000")),
        (("en", "about 30 people"), ("fr", "environ 30 personnes")),
    ];
    for (a, b) in same {
        let (qa, qb) = (first(a.0, a.1), first(b.0, b.1));
        assert!(
            qa.same_value(&qb) && qb.same_value(&qa),
            "{a:?} and {b:?} should match"
        );
    }
    let apart: &[Pair] = &[
        (("en", "32 countries"), ("en", "32 soldiers")),
        (("en", "32 countries"), ("en", "32%")),
        (("en", "€5"), ("en", "$5")),
        (("en", "32 dockers"), ("en", "32 countries")),
    ];
    for (a, b) in apart {
        assert!(
            !first(a.0, a.1).comparable(&first(b.0, b.1)),
            "{a:?} and {b:?}"
        );
    }
    assert!(first("en", "32 dockers").comparable(&first("en", "31 dockers")));
}

#[test]
fn every_language_names_the_same_concepts() {
    let lex = Lexicons::embedded();
    let ids = |lang: &str| {
        lex.lang(lang)
            .concepts
            .ids()
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let english = ids("en");
    assert!(english.len() >= 100, "{} concepts", english.len());
    for lang in crate::lexicon::LANGUAGES {
        assert_eq!(ids(lang), english, "{lang} concept ids");
        let q = &lex.lang(lang).quantities;
        assert!(
            !q.qualifiers_empty() && !q.vague_empty(),
            "{lang} vague.txt"
        );
    }
}

#[test]
fn lexicon_errors_name_the_file_and_line() {
    for (file, text, reason) in [
        ("numbers.txt", "2: two\nseven: 7\n", "label is a number"),
        ("vague.txt", "9..2: few\n", "LO..HI"),
        ("units.txt", "dollar: $\n", "currency code"),
        ("numbers.txt", "range: between _\n", "two `_`"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en").join(file), text).unwrap();
        let err = Lexicons::with_overlay(dir.path()).unwrap_err().to_string();
        assert!(err.contains(file) && err.contains(reason), "{err}");
    }
}

#[test]
fn compounds_split_only_into_whole_pieces() {
    let lex = Lexicons::embedded();
    let de = &lex.lang("de").quantities;
    assert_eq!(
        de.split_compound("zweiunddreissig").map(|p| p.len()),
        Some(3)
    );
    assert!(de.split_compound("zweifel").is_none());
    assert!(de.split_compound(&"drei".repeat(100)).is_none(), "too long");
    let it = &lex.lang("it").quantities;
    assert_eq!(it.split_compound("trentotto").map(|p| p.len()), Some(2));
    assert!(it.split_compound("treno").is_none());
}

#[test]
fn documents_flag_boilerplate_and_keep_offsets() {
    let lex = Lexicons::embedded();
    let text = "Title\n\nMore than 30 people were hurt in 2 cities.\n\nShare this article\n\n© 2024 Some Agency. All rights reserved. 5 comments";
    let raw = crate::input::RawDocument {
        id: "d".into(),
        text: text.into(),
        language: Some("en".into()),
        ..Default::default()
    };
    let doc = Document::analyze(raw, &lex);
    let qs = extract_document(&doc, &lex);
    let texts: Vec<&str> = qs.iter().map(|q| q.span.slice(text)).collect();
    assert_eq!(texts[..2], ["More than 30 people", "2 cities"]);
    assert!(qs[..2].iter().all(|q| !q.boilerplate));
    for q in &qs {
        assert_eq!(q.number.slice(text).len(), q.number.len());
        if let Some(c) = &q.counts {
            assert_eq!(c.span.slice(text), c.text);
        }
    }
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_and_spans_are_slices(
        parts in proptest::collection::vec(
            prop_oneof![
                any::<char>().prop_map(String::from),
                "[0-9]{1,5}",
                "[ ,.\u{a0}\u{202f}'’:%$€-]",
                proptest::sample::select(vec![
                    "million", "milhões", "тисяч", "двох", "und", "zwei", "de", "e",
                    "tens of", "thousands", "between", "et", "-й", "º", "people", "країн",
                    "vingt", "quatre-vingt", "trentadue", "dezembro", "December", "G",
                ]).prop_map(String::from),
            ],
            0..40,
        ),
        lang in proptest::sample::select(crate::lexicon::LANGUAGES.to_vec()),
    ) {
        let text: String = parts.concat();
        for q in run(lang, &text) {
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            prop_assert!(q.span.contains(&q.number));
            prop_assert!(q.span.end <= text.len() && q.number.start < q.number.end);
            prop_assert!(q.min <= q.max || q.min.is_nan() || q.max.is_nan());
            if let Some(c) = &q.counts {
                prop_assert!(q.span.contains(&c.span));
                prop_assert_eq!(c.span.slice(&text), c.text.as_str());
            }
        }
    }
}

#[test]
fn fractions_in_words() {
    let two_thirds = "=0.666666666667 frac";
    check(
        "en",
        &[
            ("Two-thirds of voters backed it.", two_thirds),
            ("Three quarters of the staff left.", "=0.75 frac"),
            ("The third quarter was weak.", "none"),
        ],
    );
    check("pt", &[("Dois terços dos eleitores apoiaram.", two_thirds)]);
    check(
        "es",
        &[("Dos tercios de los votantes lo apoyaron.", two_thirds)],
    );
    check(
        "de",
        &[("Zwei Drittel der Wähler stimmten zu.", two_thirds)],
    );
    check(
        "fr",
        &[("Trois quarts des électeurs ont voté.", "=0.75 frac")],
    );
    check(
        "it",
        &[
            ("Due terzi degli elettori hanno votato.", two_thirds),
            ("Cinque quarti di finale.", "=5 #"),
        ],
    );
    check(
        "uk",
        &[("Дві третини виборців підтримали план.", two_thirds)],
    );
    check(
        "ru",
        &[("Две трети избирателей поддержали план.", two_thirds)],
    );
}

#[test]
fn ranges_with_articles_and_space_groups_everywhere() {
    check(
        "it",
        &[(
            "I prezzi sono scesi tra il 10 e il 12 per cento.",
            "10..12 %",
        )],
    );
    check("it", &[("Un calo dal 5 al 7%.", "5..7 %")]);
    // A negated bound is the opposite bound: "no less than" is at least.
    check(
        "en",
        &[("Payouts of no less than 90% a quarter.", "=90 % q=min")],
    );
    check(
        "en",
        &[("No fewer than 12 players were listed.", "=12 # q=min")],
    );
    check(
        "de",
        &[("Ausschüttungen von nicht weniger als 90%.", "=90 % q=min")],
    );
    check("es", &[("Pagos de no menos de 90%.", "=90 % q=min")]);
    // The percent sign after both ends.
    check("en", &[("Growth will be 4.5%-5.5% in 2021.", "4.5..5.5 %")]);
    check("de", &[("Das Wachstum liegt bei 4,5%–5,5%.", "4.5..5.5 %")]);
    check("ru", &[("Рост составит 4,5%-5,5%.", "4.5..5.5 %")]);
    check(
        "es",
        &[("Cayeron entre el 10 y el 12 por ciento.", "10..12 %")],
    );
    check("es", &[("Subieron del 5 al 7%.", "5..7 %")]);
    check("pt", &[("Caíram entre o 10 e o 12 por cento.", "10..12 %")]);
    check("fr", &[("Une hausse de 3 à 4 %.", "3..4 %")]);
    check("de", &[("Ein Anstieg von 3 bis 4 Prozent.", "3..4 %")]);
    check("en", &[("The club has 1 000 staff.", "=1000 #")]);
}

#[test]
fn seasons_are_not_quantities() {
    check("en", &[("The 2024/25 season starts soon.", "none")]);
    check("pt", &[("A temporada 2024-25 começa em breve.", "none")]);
}

#[test]
fn digits_and_a_large_multiplier_continue_in_words_or_digits() {
    check(
        "pt",
        &[
            ("Diante de 41 mil e quinhentos torcedores.", "=41500 #"),
            ("Foram 2 mil e 500 pessoas.", "=2500 #"),
            ("Custou 3 milhões e 200 mil euros.", "=3200000 EUR"),
            ("Vieram 3 e quatro foram embora.", "=3 # n=2"),
        ],
    );
    check("es", &[("Ante 41 mil quinientos aficionados.", "=41500 #")]);
}

/// Spoken decimals, sign words, zero, halves, compound multipliers and
/// numbers alone on a line, in every language (issue 18).
#[test]
fn spoken_forms_in_every_language() {
    let rows: &[(&str, &[(&str, &str)])] = &[
        (
            "en",
            &[
                ("The rate was three point one four.", "=3.14 # n=1"),
                ("It fell two hundred point seventy-one.", "=200.71 # n=1"),
                ("Nought point nought three of them.", "=0.03 #"),
                ("It reached minus twenty three.", "=-23 # n=1"),
                ("The answer is negative one.", "=-1 #"),
                ("Zero", "=0 #"),
                ("One", "=1 #"),
                ("They waited one and a half hours.", "=1.5 #"),
                ("There were one million and a half voters.", "=1500000 #"),
                ("I gave 3 hundred and 21 yuan.", "=321 CNY n=1"),
                ("It is 4 thousand 3 hundred and 21 exactly.", "=4321 # n=1"),
                ("He scores between negative ten and fifteen.", "-10..15 #"),
                ("Sizes 20~100 fit.", "20..100 #"),
                ("123456789101231", "=123456789101231 #"),
                ("The trust is registered as 16409305.", "none"),
                ("Let us try one more time.", "none"),
            ],
        ),
        (
            "es",
            &[
                ("Pi es tres coma uno cuatro.", "=3.14 # n=1"),
                ("Subió cero coma quince.", "=0.15 # n=1"),
                ("Punto cinco", "=0.5 #"),
                (
                    "cuatrocientos cincuenta y dos mil trescientos cuarenta y siete coma veintidos",
                    "=452347.22 # n=1",
                ),
                ("Negativo uno", "=-1 #"),
                (
                    "Ellos obtuvieron tres millones y medio de votos.",
                    "=3500000 #",
                ),
                ("Esperó dos años y medio.", "=2.5 # @year"),
                (
                    "tres billones cuatrocientos cincuenta y cinco mil millones",
                    "=3455000000000 # n=1",
                ),
                (
                    "Dos mil ciento cuarenta y siete millones cuatrocientos ochenta y tres mil seiscientos cuarenta y siete",
                    "=2147483647 # n=1",
                ),
                ("El rango es desde 20 hasta 100.", "20..100 #"),
            ],
        ),
        (
            "pt",
            &[
                ("Subiu dois vírgula cinco por cento.", "=2.5 % n=1"),
                ("Ponto setenta e sete", "=0.77 #"),
                ("Esperou um ano e meio.", "=1.5 # @year"),
                ("Uma", "=1 #"),
            ],
        ),
        (
            "fr",
            &[
                ("Pi vaut trois virgule quatorze.", "=3.14 # n=1"),
                ("Il reste zéro virgule cent douze.", "=0.112 # n=1"),
                ("La réponse est négatif un.", "=-1 #"),
                ("Il y a un million et demi de possibilités.", "=1500000 #"),
                ("Il a attendu un an et demi.", "=1.5 # @year"),
                ("Il marque entre -10 et 15.", "-10..15 #"),
                ("Il y a 3 cents et 2 cents.", "=300 # n=2"),
            ],
        ),
        (
            "it",
            &[
                ("Meno tre virgola cinque gradi.", "=-3.5 # n=1"),
                ("Duecento punto zero tre", "=200.03 # n=1"),
                ("La popolazione è di 3 milioni e mezzo.", "=3500000 #"),
                ("Ha compiuto settant'anni.", "=70 #"),
            ],
        ),
        (
            "de",
            &[
                (
                    "Es sind minus drei Komma fünf null null Grad.",
                    "=-3.5 # n=1",
                ),
                (
                    "Tausendvierhundertsechzehn Komma fünfzehn",
                    "=1416.15 # n=1",
                ),
                ("Der Wert beträgt eineinhalb Milliarden.", "=1500000000 #"),
                ("Es gibt zweieinhalb Stücke.", "=2.5 #"),
                ("Es dauerte anderthalb Stunden.", "=1.5 #"),
                (
                    "Zwei Millionen dreihundertneunundneunzigtausendfuenfhundertneunundvierzig",
                    "=2399549 # n=1",
                ),
                ("Eine", "=1 #"),
                ("In mehreren hundert Kliniken.", "~200..900 #"),
            ],
        ),
        (
            "uk",
            &[
                ("Температура мінус сорок два.", "=-42 # n=1"),
                ("три крапка один чотири", "=3.14 # n=1"),
                ("дві сотні", "=200 # n=1"),
                ("два мільйони триста тисяч", "=2300000 # n=1"),
                ("п‘ятсот двадцять п‘ять", "=525 # n=1"),
                ("нуль", "=0 #"),
                ("одна", "=1 #"),
            ],
        ),
        (
            "ru",
            &[
                ("минус тысяча двести тридцать четыре", "=-1234 # n=1"),
                ("миллион тысяча пятьсот", "=1001500 # n=1"),
                ("три с половиной", "=3.5 # n=1"),
                ("пятьюстами девяноста шестью", "=596 # n=1"),
                ("двадцать одним миллионом", "=21000000 # n=1"),
                ("Одна сотня огурцов.", "=100 #"),
                ("один точка один", "=1.1 # n=1"),
                ("несколько сотен больниц", "~200..900 #"),
            ],
        ),
    ];
    for (lang, cases) in rows {
        check(lang, cases);
    }
}
