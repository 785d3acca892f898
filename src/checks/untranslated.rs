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
                let message = format!(
                    "{} span left in a{} {} document",
                    lang::name(&span.language),
                    if lang::name(&doc.language.code).starts_with(['A', 'E', 'I', 'O', 'U']) {
                        "n"
                    } else {
                        ""
                    },
                    lang::name(&doc.language.code),
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
