//! Quote clusters: the same statement as outlets printed it, and misquotes.

use super::*;

pub(super) fn quote_cluster(claims: &[Claim], group: &ClaimGroup) -> Cluster {
    let members = &group.members;
    let text = |i: usize| {
        claims[i]
            .quote
            .as_ref()
            .map(|q| q.text.as_str())
            .unwrap_or("")
    };
    // One entry per wording (the quote's words, case and punctuation aside).
    let mut wordings: Vec<(Vec<String>, Holders)> = Vec::new();
    let mut index: HashMap<Vec<String>, usize> = HashMap::new();
    for &i in members {
        let words = quote_words(text(i));
        let at = *index.entry(words.clone()).or_insert_with(|| {
            wordings.push((words, Holders::default()));
            wordings.len() - 1
        });
        wordings[at].1.push(claims, i);
    }
    let mut same: usize = wordings.iter().map(|(_, h)| h.inner_pairs()).sum();
    let mut pairs = same;
    let mut discrepancies = Vec::new();
    for (n, (wa, ha)) in wordings.iter().enumerate() {
        for (wb, hb) in &wordings[n + 1..] {
            let count = ha.cross_pairs(hb);
            let Some((i, j)) = representative_pair(claims, ha, hb) else {
                continue;
            };
            pairs += count;
            let similarity = strsim::normalized_levenshtein(&wa.join(" "), &wb.join(" "));
            let only_a: Vec<&str> = wa
                .iter()
                .filter(|w| !wb.contains(w))
                .map(String::as_str)
                .collect();
            let only_b: Vec<&str> = wb
                .iter()
                .filter(|w| !wa.contains(w))
                .map(String::as_str)
                .collect();
            // A fragment of a longer quote (one wording's words all in the other's) is the
            // same statement, cut: not a misquote.
            if only_a.is_empty() || only_b.is_empty() {
                same += count;
                continue;
            }
            let speaker = claims[i]
                .quote
                .as_ref()
                .and_then(|q| q.speaker.as_deref())
                .unwrap_or("the speaker");
            discrepancies.push(between_positions(
                claims,
                (i, j),
                (ha, hb),
                count,
                DiscrepancyType::Misquote,
                (1.0 - similarity).clamp(0.0, 1.0),
                format!(
                    "{} and {} quote {speaker} differently: “{}” has [{}] where “{}” has [{}]",
                    claims[i].outlet.as_deref().unwrap_or("(unknown outlet)"),
                    claims[j].outlet.as_deref().unwrap_or("(unknown outlet)"),
                    text(i),
                    only_a.join(" "),
                    text(j),
                    only_b.join(" ")
                ),
            ));
        }
    }
    let first = members.first().map(|&i| text(i)).unwrap_or("");
    let speaker = members
        .first()
        .and_then(|&i| claims[i].quote.as_ref())
        .and_then(|q| q.speaker.clone())
        .unwrap_or_else(|| "unnamed speaker".into());
    let preview: String = first
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    Cluster {
        cluster_id: cluster_id(&format!("{}\u{0}{}", group.key, first)),
        key: group.key.clone(),
        label: format!("quote by {speaker}: “{preview}…”"),
        kind: ClaimKind::Quote,
        claims: members
            .iter()
            .map(|&i| claims[i].claim_id.clone())
            .collect(),
        outlets: outlets(claims, members),
        consensus: Consensus::default(),
        agreement: if pairs == 0 {
            1.0
        } else {
            same as f64 / pairs as f64
        },
        discrepancies,
        timeline: Vec::new(),
        uncompared_positions: 0,
        story: None,
    }
}
