//! Paragraph-parallel versions of a story as a gold standard for claim
//! alignment, perturbed copies of them, and the score of an alignment
//! against the gold.
//!
//! The versions of a paragraph-parallel story translate each other paragraph
//! by paragraph: paragraph *k* of one version (its *k*-th non-empty line)
//! translates paragraph *k* of every other. Each line of a version carries
//! the set of original paragraphs it holds: one normally, two after a merge,
//! none for a line a perturbation added.
//!
//! How the score counts, for every pair of versions of a story:
//! - a *link* is a pair of claims, one of each version, in one group of the
//!   alignment (a member of two claims links both); a link is *right* when
//!   the two claims' lines share an original paragraph;
//! - a claim is *alignable* when the other version has a claim whose line
//!   shares an original paragraph with its own; it is *found* when the
//!   alignment links it rightly to such a claim. Both versions' claims count.
//!
//! Precision is right links over links, recall found over alignable, summed
//! over every pair of versions of every story.
#![allow(dead_code)]

use std::ops::Range;
use std::path::Path;

use driftcheck::input::RawDocument;
use driftcheck::story::Story;

/// One version with the original paragraphs of each of its lines.
#[derive(Clone, Debug)]
pub struct Version {
    /// The document id (file stem).
    pub id: String,
    /// The text.
    pub text: String,
    /// Byte range of each non-empty line and the original paragraphs it holds.
    pub lines: Vec<(Range<usize>, Vec<usize>)>,
}

impl Version {
    /// A version from its text: line *k* holds paragraph *k*.
    pub fn new(id: &str, text: &str) -> Version {
        let paragraphs: Vec<(String, Vec<usize>)> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
            .map(|(k, l)| (l.to_string(), vec![k]))
            .collect();
        Version::from_paragraphs(id, paragraphs)
    }

    /// A version from its paragraphs and their original indices, one per
    /// line with a blank line between.
    pub fn from_paragraphs(id: &str, paragraphs: Vec<(String, Vec<usize>)>) -> Version {
        let mut text = String::new();
        let mut lines = Vec::new();
        for (p, orig) in paragraphs {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&p);
            lines.push((start..text.len(), orig));
        }
        text.push('\n');
        Version {
            id: id.to_string(),
            text,
            lines,
        }
    }

    /// The paragraphs with their original indices.
    pub fn paragraphs(&self) -> Vec<(String, Vec<usize>)> {
        self.lines
            .iter()
            .map(|(r, o)| (self.text[r.clone()].to_string(), o.clone()))
            .collect()
    }

    /// The original paragraphs of the line holding byte `at`.
    fn origin(&self, at: usize) -> &[usize] {
        self.lines
            .iter()
            .find(|(r, _)| r.start <= at && at < r.end.max(r.start + 1))
            .map_or(&[][..], |(_, o)| o)
    }

    /// The raw document to check.
    pub fn raw(&self) -> RawDocument {
        RawDocument {
            id: self.id.clone(),
            path: format!("{}.txt", self.id),
            text: self.text.clone(),
            ..Default::default()
        }
    }
}

/// The versions of a story folder (`*.txt`, by file name).
pub fn load(dir: &Path) -> Vec<Version> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let id = p.file_stem()?.to_string_lossy().to_string();
            Some(Version::new(&id, &text))
        })
        .collect()
}

/// The story folders under `root` (folders with two or more `.txt` files),
/// sorted.
pub fn stories(root: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut txt = 0;
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt") {
                txt += 1;
            }
        }
        if txt >= 2 {
            out.push(dir);
        }
    }
    out.sort();
    out
}

#[path = "rng.rs"]
mod rng;
pub use rng::Rng;

/// Page furniture of the kind scraped pages carry, per language: lines a
/// perturbation adds at the top and bottom of a version (written for this
/// test, not taken from any story).
fn furniture(lang: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match lang {
        "de" => (
            &["Startseite > Politik > Ausland", "Artikel teilen"],
            &[
                "Mehr zum Thema",
                "Abonnieren Sie unseren Newsletter",
                "© 2024 Beispielverlag. Alle Rechte vorbehalten.",
            ],
        ),
        "fr" => (
            &["Accueil > International", "Partager cet article"],
            &[
                "Lire aussi",
                "Abonnez-vous à notre newsletter",
                "© 2024 Éditions Exemple. Tous droits réservés.",
            ],
        ),
        "ru" => (
            &["Главная > В мире", "Поделиться"],
            &[
                "Читайте также",
                "Подпишитесь на нашу рассылку",
                "© 2024 Пример Медиа. Все права защищены.",
            ],
        ),
        "uk" => (
            &["Головна > Світ", "Поділитися"],
            &[
                "Читайте також",
                "Підпишіться на нашу розсилку",
                "© 2024 Приклад Медіа. Усі права захищені.",
            ],
        ),
        _ => (
            &["Home > World > Europe", "Share this article"],
            &[
                "Related stories",
                "Sign up for our newsletter",
                "© 2024 Example Media. All rights reserved.",
            ],
        ),
    }
}

/// The language of a version from its id (`de_a` → `de`).
fn lang_of(id: &str) -> &str {
    id.split(['_', '-']).next().unwrap_or(id)
}

/// A perturbed copy of a story: one version loses a paragraph, one has two
/// paragraphs merged, one a paragraph split at a sentence end, one a
/// paragraph moved three places or more, and every version gets furniture
/// lines at the top and bottom. The perturbations go to the versions in
/// turn, so a story of two versions has two on each.
pub fn perturb(name: &str, versions: &[Version]) -> Vec<Version> {
    perturb_with(name, versions, &PERTURBATIONS)
}

/// Every perturbation [`perturb`] applies.
pub const PERTURBATIONS: [&str; 5] = ["drop", "merge", "split", "move", "furniture"];

/// A perturbed copy of a story with the perturbations named (see
/// [`perturb`]).
pub fn perturb_with(name: &str, versions: &[Version], kinds: &[&str]) -> Vec<Version> {
    let mut rng = Rng::seeded(name, 1);
    let mut out: Vec<Vec<(String, Vec<usize>)>> =
        versions.iter().map(Version::paragraphs).collect();
    let n = versions.len();
    for (k, kind) in ["drop", "merge", "split", "move"].iter().enumerate() {
        if !kinds.contains(kind) {
            continue;
        }
        let v = k % n;
        let paras = &mut out[v];
        let len = paras.len();
        match *kind {
            "drop" if len >= 4 => {
                let i = 1 + rng.below(len - 1);
                paras.remove(i);
            }
            "merge" if len >= 3 => {
                let i = 1 + rng.below(len - 2);
                let (next, orig) = paras.remove(i + 1);
                paras[i].0.push(' ');
                paras[i].0.push_str(&next);
                paras[i].1.extend(orig);
            }
            "split" => {
                // The first paragraph (after the headline) with a sentence end
                // inside it.
                let at = paras.iter().enumerate().skip(1).find_map(|(i, (p, _))| {
                    let cut = sentence_cut(p)?;
                    Some((i, cut))
                });
                if let Some((i, cut)) = at {
                    let (text, orig) = paras[i].clone();
                    paras[i] = (text[..cut].trim().to_string(), orig.clone());
                    paras.insert(i + 1, (text[cut..].trim().to_string(), orig));
                }
            }
            "move" if len >= 6 => {
                let from = 1 + rng.below(len - 1);
                let mut to = 1 + rng.below(len - 1);
                if from.abs_diff(to) < 3 {
                    to = if from + 3 < len { from + 3 } else { from - 3 };
                }
                let p = paras.remove(from);
                paras.insert(to.min(paras.len()), p);
            }
            _ => {}
        }
    }
    versions
        .iter()
        .zip(out)
        .map(|(v, mut paras)| {
            if !kinds.contains(&"furniture") {
                return Version::from_paragraphs(&v.id, paras);
            }
            let (top, bottom) = furniture(lang_of(&v.id));
            for (i, line) in top.iter().enumerate() {
                paras.insert(i, (line.to_string(), Vec::new()));
            }
            paras.extend(bottom.iter().map(|l| (l.to_string(), Vec::new())));
            Version::from_paragraphs(&v.id, paras)
        })
        .collect()
}

/// Where a paragraph splits into two sentences: after ". " (or "? ", "! ")
/// followed by an upper-case letter, past the first fifth and before the
/// last fifth of the paragraph.
fn sentence_cut(p: &str) -> Option<usize> {
    let len = p.len();
    p.char_indices().find_map(|(i, c)| {
        if !matches!(c, '.' | '?' | '!') || i < len / 5 || i > len * 4 / 5 {
            return None;
        }
        let rest = &p[i + 1..];
        let after = rest.strip_prefix(' ')?;
        let first = after.chars().next()?;
        // Not after a single letter or digit ("J. Smith", "3. Mai").
        let before = p[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .count();
        (first.is_uppercase() && before >= 3).then_some(i + 2)
    })
}

/// Counts of the score (see the module docs).
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Links the alignment made.
    pub links: usize,
    /// Of those, the right ones.
    pub right: usize,
    /// Claims that have a partner in the other version.
    pub alignable: usize,
    /// Of those, the ones the alignment linked rightly.
    pub found: usize,
}

impl Counts {
    /// Adds another count.
    pub fn add(&mut self, o: Counts) {
        self.links += o.links;
        self.right += o.right;
        self.alignable += o.alignable;
        self.found += o.found;
    }

    /// Precision, recall and F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.right as f64 / self.links.max(1) as f64;
        let r = self.found as f64 / self.alignable.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Scores a story's alignment against the versions' gold.
pub fn score(story: &Story, versions: &[Version]) -> Counts {
    let a = &story.alignment;
    // The gold of each document of the story (sorted by id).
    let gold: Vec<&Version> = story
        .docs
        .iter()
        .map(|d| {
            versions
                .iter()
                .find(|v| v.id == d.id)
                .expect("a version per document")
        })
        .collect();
    let origin = |doc: usize, claim: usize| gold[doc].origin(a.claims[doc][claim].span.start);
    let meets = |x: &[usize], y: &[usize]| x.iter().any(|o| y.contains(o));
    let n = story.docs.len();
    let mut counts = Counts::default();
    for d in 0..n {
        for e in d + 1..n {
            // Links between d and e.
            let mut links: Vec<(usize, usize)> = Vec::new();
            for g in &a.groups {
                let (Some(x), Some(y)) = (g.member(d), g.member(e)) else {
                    continue;
                };
                for &c in &x.claims {
                    for &k in &y.claims {
                        links.push((c, k));
                    }
                }
            }
            links.sort_unstable();
            links.dedup();
            counts.links += links.len();
            let right: Vec<(usize, usize)> = links
                .iter()
                .copied()
                .filter(|&(c, k)| meets(origin(d, c), origin(e, k)))
                .collect();
            counts.right += right.len();
            if std::env::var_os("DRIFTCHECK_ALIGN_ERRORS").is_some() {
                for &(c, k) in &links {
                    if !meets(origin(d, c), origin(e, k)) {
                        let text = |doc: usize, claim: usize| {
                            let t = story.docs[doc].slice(a.claims[doc][claim].span);
                            t.chars().take(70).collect::<String>()
                        };
                        println!(
                            "WRONG {} {:?} / {} {:?}\n    {}\n    {}",
                            story.docs[d].id,
                            origin(d, c),
                            story.docs[e].id,
                            origin(e, k),
                            text(d, c),
                            text(e, k)
                        );
                    }
                }
            }
            for (this, that, side) in [(d, e, 0), (e, d, 1)] {
                for c in 0..a.claims[this].len() {
                    let o = origin(this, c);
                    if o.is_empty() || !(0..a.claims[that].len()).any(|k| meets(o, origin(that, k)))
                    {
                        continue;
                    }
                    counts.alignable += 1;
                    if right
                        .iter()
                        .any(|l| if side == 0 { l.0 == c } else { l.1 == c })
                    {
                        counts.found += 1;
                    }
                }
            }
        }
    }
    counts
}
