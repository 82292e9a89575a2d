//! What befell the counted: a status word ("killed" → dead, "evacuees" → evacuated), the
//! status a head noun implies by itself ("deaths", "hostages"), and the phrases that state
//! one with their context ("took part", "forced from their homes", "in custody", "in a
//! critical condition", "no longer alive").

use super::classes as class;
use super::lexicon::*;
use super::tokens::Toks;

pub fn status_word(w: &str) -> Option<&'static str> {
    let mut b = [0u8; 24];
    let bb = w.as_bytes();
    if bb.len() > 24 || !bb.is_ascii() {
        return None;
    }
    for (k, c) in bb.iter().enumerate() {
        b[k] = c.to_ascii_lowercase();
    }
    let l = std::str::from_utf8(&b[..bb.len()]).unwrap_or("");
    Some(match l {
        "held" | "holding" | "hold" | "holds" | "captive" | "captivity" => "held",
        "alive" | "living" | "survived" | "surviving" | "survivors" => "alive",
        "killed" | "died" | "dead" | "death" | "deaths" | "die" | "dies" | "dying" | "killing"
        | "kill" | "kills" | "fatalities" | "fatality" | "perished" | "slain" | "toll"
        | "bodies" | "executed" | "murdered" | "drowned" | "martyred" => "dead",
        "injured" | "wounded" | "hurt" | "injuring" | "wounding" | "injuries" => "injured",
        "hospitalised" | "hospitalized" | "hospitalisation" | "hospitalization" => "hospitalized",
        "identified" => "identified",
        "missing" | "unaccounted" | "whereabouts" => "missing",
        "released" | "freed" | "releasing" | "freeing" | "release" | "free" => "released",
        "kidnapped" | "abducted" | "abducting" | "kidnapping" | "seized" => "kidnapped",
        "displaced" | "displacing" | "displacement" | "fled" | "homeless" | "sheltering" => {
            "displaced"
        }
        "evacuated" | "evacuating" | "evacuation" | "evacuations" | "evacuees" => "evacuated",
        "arrested" | "detained" | "arresting" | "detaining" | "arrests" | "detentions" => {
            "arrested"
        }
        "marched" | "rallied" | "attended" | "gathered" | "protested" | "demonstrated"
        | "marching" | "rallying" | "protesting" | "walked" => "marched",
        _ => return None,
    })
}

/// The status a head noun implies by itself; `strong` ones beat a verb before the number.
pub(super) fn noun_status(head: &str) -> Option<(&'static str, bool)> {
    Some(match head {
        "deaths" | "death" | "fatalities" | "casualties" | "bodies" | "dead" | "mortalities" => {
            ("dead", true)
        }
        "injured" | "wounded" | "injuries" | "hurt" => ("injured", true),
        "missing" => ("missing", true),
        "displaced" => ("displaced", true),
        "evacuees" => ("evacuated", true),
        "arrests" => ("arrested", true),
        "hostages" | "hostage" | "captives" | "captive" | "abductees" => ("held", false),
        "protesters" | "protestors" | "demonstrators" | "marchers" | "rally-goers" | "crowd"
        | "participants" | "attendance" => ("marched", false),
        _ => return None,
    })
}

/// The status a word at `k` states, with its context: status words, "took part",
/// "turned out", "joined the march", "filled the streets", "forced from their homes",
/// "living in shelters", "no longer alive".
pub fn status_cue(tk: &Toks, k: usize) -> Option<&'static str> {
    if (tk.is(k, "took") && tk.is(k + 1, "part"))
        || (tk.is(k, "turned") && tk.is(k + 1, "out"))
        || (tk.any(k, &["filled", "packed", "thronged", "lined"])
            && tk.any(k + 2, &["streets", "square", "squares", "route"]))
        || (tk.any(k, &["joined", "join", "joining"])
            && (tk.any(k + 1, PROTEST_NOUNS) || tk.any(k + 2, PROTEST_NOUNS)))
    {
        return Some("marched");
    }
    if tk.is(k, "taken") && tk.any(k + 1, &["hostage", "captive", "prisoner"]) {
        return Some("kidnapped");
    }
    // "lost their lives", "losing their lives", "lives were lost"
    if tk.any(k, &["lost", "losing", "lose"])
        && (tk.is(k + 1, "lives")
            || (tk.any(k + 1, &["their", "his", "her"]) && tk.is(k + 2, "lives")))
    {
        return Some("dead");
    }
    if tk.has(k, class::LEAVE_HOME_VERBS)
        && (k + 1..k + 5).any(|p| tk.any(p, &["homes", "home", "houses"]))
        && !tk.is(k, "lost")
    {
        return Some("displaced");
    }
    if tk.is(k, "treated") && (k + 1..k + 3).any(|p| tk.is(p, "for")) {
        return Some("injured");
    }
    // "thousands were moved out", "7,800 people have been taken out of the flooded districts"
    if tk.any(k, &["moved", "taken", "brought", "bussed"]) && tk.is(k + 1, "out") {
        return Some("evacuated");
    }
    // "nearly 80 people have yet to be accounted for"
    if tk.is(k, "accounted")
        && tk.is(k + 1, "for")
        && (k.saturating_sub(4)..k).any(|p| tk.any(p, &["yet", "not", "never"]))
    {
        return Some("missing");
    }

    // "30 were receiving treatment for gunshot wounds"
    if tk.is(k, "treatment")
        && tk.any(
            k.wrapping_sub(1),
            &["receiving", "received", "needed", "needing", "under"],
        )
    {
        return Some("injured");
    }
    // "11 people were in custody"
    if tk.is(k, "in") && tk.is(k + 1, "custody") {
        return Some("arrested");
    }
    // "1,404 people in a critical condition", "20 in serious condition"
    let grave =
        |p: usize| tk.any(p, &["critical", "serious", "grave"]) && tk.is(p + 1, "condition");
    if tk.is(k, "in") && (grave(k + 1) || (tk.is(k + 1, "a") && grave(k + 2))) {
        return Some("injured");
    }
    // "100 others had been admitted to hospital"
    if tk.is(k, "admitted") && tk.is(k + 1, "to") && tk.any(k + 2, &["hospital", "hospitals"]) {
        return Some("hospitalized");
    }
    if tk.any(k, &["forced", "driven"]) && tk.is(k + 1, "from") {
        return Some("displaced");
    }
    if tk.any(k, &["living", "staying", "sheltering", "sleeping"])
        && tk.any(k + 1, &["in", "with", "at"])
        && (k + 2..k + 4).any(|p| {
            tk.any(
                p,
                &[
                    "shelters",
                    "shelter",
                    "camps",
                    "camp",
                    "tents",
                    "relatives",
                    "schools",
                ],
            )
        })
    {
        return Some("displaced");
    }
    // escaping is not displacement: "fled the scene", "fled custody"
    if tk.is(k, "fled")
        && (tk.any(
            k + 1,
            &["custody", "arrest", "police", "officers", "justice"],
        ) || (tk.is(k + 1, "the") && tk.any(k + 2, &["scene", "police", "prison", "jail"])))
    {
        return None;
    }
    let st = status_word(tk.s(k))?;
    let negated = (k.saturating_sub(3)..k)
        .any(|p| tk.is(p, "not") || (tk.is(p, "longer") && tk.is(p.wrapping_sub(1), "no")));
    if st == "alive" && negated {
        return Some("dead");
    }
    Some(st)
}

/// Verbs of leaving or losing a home ("forced from their homes", "lost their houses").
pub(super) const LEAVE_HOME_VERBS: &[&str] = &[
    "forced", "driven", "fled", "flee", "fleeing", "leave", "left", "lost",
];
