//! `untranslated_span`: story text left in another language.

use super::Check;
use crate::finding::{Evidence, Finding, Kind, Severity};
use crate::lang;
use crate::lexicon::Lexicons;
use crate::story::Story;

/// Reports every foreign span of every version.
pub struct Untranslated;

impl Check for Untranslated {
    fn kind(&self) -> Kind {
        Kind::UntranslatedSpan
    }

    fn explain(&self) -> &'static str {
        "untranslated_span (warning): a span of the story written in another language than \
its document, such as a bracketed insertion or a clause a translator left behind.\n\n\
How: each story word votes for the languages it belongs to (function words of another \
language that the document's language does not share, letters distinctive of another \
language, another script). A run of at least two voting words, cut at punctuation and at \
capitalised words (names), is checked with whatlang restricted to the document's language \
and the voted ones. Names, titles and established loanwords (lexicons/<lang>/loanwords.txt) \
are never reported. Boilerplate is skipped.\n\n\
Example: \"the invitation should not be seen as an escalation [das negociações]\" in an \
English text: a Portuguese span."
    }

    fn compares_versions(&self) -> bool {
        false
    }

    fn run(&self, story: &Story, _lexicons: &Lexicons) -> Vec<Finding> {
        let mut out = Vec::new();
        for (doc, spans) in story.docs.iter().zip(&story.foreign) {
            for span in spans {
                let doc_lang = lang::name(&doc.language.code);
                let message = format!(
                    "{} span left in {} {doc_lang} document",
                    lang::name(&span.language),
                    indefinite_article(&doc_lang),
                );
                out.push(
                    Finding::new(
                        Kind::UntranslatedSpan,
                        Severity::Warning,
                        message,
                        vec![Evidence::new(doc, span.span)],
                    )
                    .with_rule(format!("{}_in_{}", span.language, doc.language.code)),
                );
            }
        }
        out
    }
}

/// "an English", "a Ukrainian": by sound, which for language names means a
/// vowel letter except "U" sounded "you".
fn indefinite_article(word: &str) -> &'static str {
    let vowel =
        word.starts_with(['A', 'E', 'I', 'O']) || word.starts_with('U') && !word.starts_with("Uk");
    if vowel { "an" } else { "a" }
}

#[cfg(test)]
mod tests {
    use super::indefinite_article;

    #[test]
    fn articles_by_sound() {
        assert_eq!(indefinite_article("English"), "an");
        assert_eq!(indefinite_article("Ukrainian"), "a");
        assert_eq!(indefinite_article("Urdu"), "an");
        assert_eq!(indefinite_article("Portuguese"), "a");
    }
}
