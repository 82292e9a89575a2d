//! The last gate of extraction: every figure that leaves it can be stored and read back.
//! JSON has no infinity or NaN (serde writes them as `null`, which cannot be read back as a
//! number), and a figure beyond [`MAX_FIGURE`] is a digit run, not something news counts.

use crate::model::{Article, Claim, Diagnostic};

/// The largest magnitude a figure may have. Past 2^53 (about 9·10^15) an `f64` no longer
/// holds every whole number, so such a figure could not be compared exactly anyway; the
/// largest sums news reports (national debts, world GDP) are near 10^14.
pub const MAX_FIGURE: f64 = 1e15;

/// Claims of an article and what extraction had to leave out.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub claims: Vec<Claim>,
    pub diagnostics: Vec<Diagnostic>,
}

/// [`super::extract_claims`], with every claim whose figure cannot be stored left out and
/// reported as a warning naming the article and the figure as written.
pub fn extract_checked(article: &Article) -> Extracted {
    let mut out = Extracted::default();
    for claim in super::extract_claims(article) {
        match unstorable(&claim) {
            None => out.claims.push(claim),
            Some(reason) => {
                let surface = claim
                    .quantity
                    .as_ref()
                    .map(|q| q.surface.as_str())
                    .unwrap_or_default();
                out.diagnostics.push(Diagnostic {
                    origin: article.origin.clone(),
                    message: format!("figure \"{}\" left out: {reason}", shorten(surface, 40)),
                    rejected: false,
                });
            }
        }
    }
    out
}

/// Why a claim's figure cannot be stored, if it cannot.
pub fn unstorable(claim: &Claim) -> Option<&'static str> {
    let q = claim.quantity.as_ref()?;
    let bounds = [Some(q.value), q.low, q.high];
    if bounds.iter().flatten().any(|v| !v.is_finite()) {
        return Some("it is not a finite number");
    }
    if bounds.iter().flatten().any(|v| v.abs() > MAX_FIGURE) {
        return Some("it is larger than 10^15, beyond any count or sum news reports");
    }
    None
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let head: String = text.chars().take(max_chars).collect();
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            id: "a".into(),
            text: text.into(),
            origin: "test.txt".into(),
            ..Article::default()
        }
    }

    fn check(text: &str, claims: usize, diagnostics: usize) {
        let out = extract_checked(&article(text));
        let figures: Vec<_> = out.claims.iter().filter(|c| c.quantity.is_some()).collect();
        assert_eq!(figures.len(), claims, "{text}: {:?}", out.claims);
        assert_eq!(
            out.diagnostics.len(),
            diagnostics,
            "{text}: {:?}",
            out.diagnostics
        );
        for claim in &out.claims {
            let json = serde_json::to_string(claim).unwrap();
            let back: Claim = serde_json::from_str(&json).unwrap();
            assert_eq!(&back, claim);
        }
    }

    #[test]
    fn figures_that_cannot_be_stored_are_reported() {
        let digits = "9".repeat(400);
        check(&format!("Police said {digits} people marched."), 0, 1);
        check(
            "Police said 1,000,000,000,000,000,000 people marched.",
            0,
            1,
        );
        check("Police said 12,000 people marched.", 1, 0);
        check("The debt reached $31 trillion, officials said.", 1, 0);
    }
}
