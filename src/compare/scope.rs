//! Scope discrepancies: a figure about a narrower place (Gaza City) beside figures about the
//! wider one (Gaza).

use super::*;

/// A claim about a narrower place (Gaza City) beside claims about the wider one (Gaza) with
/// the same subject: reported on the wider cluster so a reader is not misled.
pub(super) fn add_scope_discrepancies(
    claims: &[Claim],
    groups: &[ClaimGroup],
    clusters: &mut [Cluster],
) {
    // Groups by what they count and where: a narrower place's wider places are found by
    // name ("gaza-city" → "gaza"), so the cost grows with the groups, not their pairs.
    let mut by_place: HashMap<(&str, &str, &str), Vec<usize>> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        if let (ClaimKind::Quantity, Some(location)) = (group.kind, &group.location) {
            by_place
                .entry((
                    group.entity.as_str(),
                    group.status.as_str(),
                    location.as_str(),
                ))
                .or_default()
                .push(g);
        }
    }
    for narrow in groups.iter().filter(|g| g.kind == ClaimKind::Quantity) {
        let Some(narrow_location) = &narrow.location else {
            continue;
        };
        for broad_location in wider_places(narrow_location) {
            let key = (
                narrow.entity.as_str(),
                narrow.status.as_str(),
                broad_location,
            );
            for &b in by_place.get(&key).map(Vec::as_slice).unwrap_or_default() {
                let broad = &groups[b];
                if !location_within(narrow_location, broad_location) {
                    continue;
                }
                // Positions without dates: a scope difference holds whenever it was said.
                let undated = HashMap::new();
                let (narrow_positions, _) =
                    most_supported(positions(claims, &narrow.members, &undated));
                let (wide_positions, _) =
                    most_supported(positions(claims, &broad.members, &undated));
                for wide in wide_positions {
                    for tight in &narrow_positions {
                        let pairs = wide.holders.cross_pairs(&tight.holders);
                        let Some((w, n)) =
                            representative_pair(claims, &wide.holders, &tight.holders)
                        else {
                            continue;
                        };
                        let (wc, nc) = (&claims[w], &claims[n]);
                        clusters[b].discrepancies.push(between_positions(
                            claims,
                            (w, n),
                            (&wide.holders, &tight.holders),
                            pairs,
                            DiscrepancyType::Scope,
                            SCOPE_SEVERITY,
                            format!(
                                "{} is about {}, {} about {}: different scope, not comparable as the same figure",
                                describe(wc),
                                title_case(broad_location),
                                describe(nc),
                                title_case(narrow_location)
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// The wider places a place slug names inside itself: "north-gaza-city" → "north-gaza",
/// "north", "gaza-city", "gaza", "city".
pub(super) fn wider_places(slug: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, c) in slug.char_indices() {
        if c == '-' {
            out.push(&slug[..i]);
            out.push(&slug[i + 1..]);
        }
    }
    out
}
