use super::*;
use crate::model::{Certainty, Qualifier, Quantity, Quote};

fn quantity(id: &str, key: &str, value: f64, date: &str, sentence: &str) -> Claim {
    Claim {
        claim_id: id.into(),
        article_id: format!("art-{id}"),
        outlet: Some(format!("Outlet {id}")),
        date: Some(date.into()),
        kind: ClaimKind::Quantity,
        sentence: sentence.into(),
        span: [0, 1],
        quantity: Some(Quantity {
            value,
            qualifier: Qualifier::Exact,
            low: Some(value),
            high: Some(value),
            unit: None,
            surface: value.to_string(),
        }),
        subject: None,
        key: Some(key.into()),
        attribution: None,
        as_of: None,
        certainty: Certainty::Asserted,
        quote: None,
        status: None,
        location: None,
        as_of_partial: None,
        sentence_start: None,
        story: None,
        frame: Frame::from_key(key),
    }
}

fn quote(id: &str, speaker: &str, text: &str) -> Claim {
    Claim {
        kind: ClaimKind::Quote,
        quantity: None,
        key: None,
        frame: None,
        quote: Some(Quote {
            speaker: Some(speaker.into()),
            text: text.into(),
        }),
        ..quantity(id, "x", 0.0, "2025-05-19", text)
    }
}

/// Puts every claim in one story.
fn in_one_story(claims: &mut [Claim]) {
    for claim in claims.iter_mut() {
        claim.story = Some("s1".into());
    }
}

/// Whether `got` has a group with this key and these members.
fn has_group(got: &[(String, Vec<String>)], key: &str, members: &[&str]) -> bool {
    got.iter().any(|(k, m)| k == key && m == members)
}

fn keys(claims: &[Claim]) -> Vec<(String, Vec<String>)> {
    group_claims(claims)
        .into_iter()
        .map(|g| {
            (
                g.key,
                g.members
                    .iter()
                    .map(|&i| claims[i].claim_id.clone())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn statuses_scopes_and_events_separate() {
    let claims = vec![
        quantity(
            "a",
            "hostages/alive/gaza",
            20.0,
            "2025-05-19",
            "20 hostages alive in Gaza",
        ),
        quantity(
            "b",
            "hostages/alive/gaza",
            24.0,
            "2025-05-19",
            "24 remain alive in Gaza",
        ),
        quantity("c", "hostages/held/gaza", 48.0, "2025-05-19", "48 held"),
        quantity(
            "d",
            "hostages/held/gaza-city",
            8.0,
            "2025-05-19",
            "8 held in Gaza City",
        ),
        quantity(
            "e",
            "hostages/alive",
            21.0,
            "2025-05-20",
            "21 living hostages",
        ),
        quantity(
            "f",
            "protesters/marched/port-elin",
            12000.0,
            "2025-05-17",
            "police counted 12,000",
        ),
        quantity(
            "g",
            "protesters/marched/port-elin",
            40000.0,
            "2025-05-18",
            "organisers said 40,000",
        ),
        quantity(
            "h",
            "protesters/marched/port-elin",
            5000.0,
            "2025-05-10",
            "last week's march drew 5,000",
        ),
    ];
    let got = keys(&claims);
    let want: Vec<(String, Vec<String>)> = vec![
        (
            "hostages/alive/gaza".into(),
            vec!["a".into(), "b".into(), "e".into()],
        ),
        ("hostages/held/gaza".into(), vec!["c".into()]),
        ("hostages/held/gaza-city".into(), vec!["d".into()]),
        (
            "protesters/marched/port-elin@2025-05-10".into(),
            vec!["h".into()],
        ),
        (
            "protesters/marched/port-elin@2025-05-17".into(),
            vec!["f".into(), "g".into()],
        ),
    ];
    assert_eq!(got, want);
}

#[test]
fn unlocated_claims_join_the_group_they_resemble() {
    let claims = vec![
        quantity(
            "a",
            "people/dead/valdora",
            130.0,
            "2025-05-19",
            "floods in Valdora province killed 130 people",
        ),
        quantity(
            "b",
            "people/dead/kerevia",
            40.0,
            "2025-05-19",
            "the earthquake near Kerevia killed 40",
        ),
        quantity(
            "c",
            "people/dead",
            150.0,
            "2025-05-19",
            "the Valdora floods have killed 150 people, the ministry said",
        ),
    ];
    let got = keys(&claims);
    assert_eq!(
        got[1],
        ("people/dead/valdora".into(), vec!["a".into(), "c".into()])
    );
}

#[test]
fn within_a_story_an_unlocated_claim_takes_the_story_s_place() {
    let mut claims = vec![
        quantity(
            "a",
            "people/dead/lahaina",
            36.0,
            "2031-08-10",
            "36 dead in Lahaina",
        ),
        quantity(
            "b",
            "people/dead/lahaina",
            55.0,
            "2031-08-11",
            "Lahaina toll at 55",
        ),
        quantity(
            "c",
            "people/dead/kula",
            2.0,
            "2031-08-11",
            "two died in Kula",
        ),
        quantity(
            "d",
            "people/dead",
            53.0,
            "2031-08-11",
            "officials counted 53",
        ),
    ];
    // Without a story nothing tells where "d" is.
    assert!(has_group(&keys(&claims), "people/dead", &["d"]));
    in_one_story(&mut claims);
    let got = keys(&claims);
    assert!(
        has_group(&got, "people/dead/lahaina", &["a", "b", "d"]),
        "{got:?}"
    );
}

#[test]
fn within_a_story_one_statement_is_one_group_whoever_it_is_given_to() {
    let mut claims = vec![
        quote(
            "a",
            "Mayor Idris Okafor",
            "We will rebuild every school on this coast before the next rains come",
        ),
        quote("b", "he", "rebuild every school on this coast"),
        quote("c", "Okafor", "The harbour will reopen in a month"),
    ];
    let quote_keys = |claims: &[Claim]| -> Vec<Vec<String>> {
        keys(claims)
            .into_iter()
            .filter(|(k, _)| k.starts_with("quote/"))
            .map(|(_, m)| m)
            .collect()
    };
    assert_eq!(quote_keys(&claims).len(), 3, "apart without a story");
    in_one_story(&mut claims);
    let got = quote_keys(&claims);
    assert!(
        got.contains(&vec!["a".to_owned(), "b".to_owned()]),
        "{got:?}"
    );
    assert!(got.contains(&vec!["c".to_owned()]), "{got:?}");
}

#[test]
fn within_a_story_a_statement_in_other_words_is_the_same_statement() {
    let mut claims =
        vec![
        quote(
            "a",
            "Mayor Idris Okafor",
            "There is no plan today to close the harbour officially, but nothing can be ruled out",
        ),
        quote(
            "b",
            "the mayor",
            "Today there is no official plan for closing the harbour. Still, nothing is ruled out",
        ),
        // the same words about something else
        quote("c", "Okafor", "The harbour will reopen today under a new plan for ferries"),
    ];
    in_one_story(&mut claims);
    let got: Vec<Vec<String>> = keys(&claims)
        .into_iter()
        .filter(|(k, _)| k.starts_with("quote/"))
        .map(|(_, m)| m)
        .collect();
    assert!(
        got.contains(&vec!["a".to_owned(), "b".to_owned()]),
        "{got:?}"
    );
    assert!(got.contains(&vec!["c".to_owned()]), "{got:?}");
}

#[test]
fn quotes_group_by_speaker_and_similarity() {
    let claims = vec![
        quote(
            "a",
            "Donald Trump",
            "We made it very clear that freeing the hostages leads to far better outcomes",
        ),
        quote(
            "b",
            "Trump",
            "We made it very clear that freeing the hostages leads to far better outcomes",
        ),
        quote(
            "c",
            "President Trump",
            "We made it clear that releasing hostages leads to better results",
        ),
        quote(
            "d",
            "Trump",
            "The weather in Florida is lovely this time of year",
        ),
        quote("e", "Hamas", "We are open to serious talks"),
    ];
    let got = keys(&claims);
    assert_eq!(got[0], ("quote/hamas/1".into(), vec!["e".into()]));
    assert_eq!(
        got[1],
        (
            "quote/trump/1".into(),
            vec!["a".into(), "b".into(), "c".into()]
        )
    );
    assert_eq!(got[2], ("quote/trump/2".into(), vec!["d".into()]));
}

#[test]
fn keys_and_locations() {
    assert_eq!(
        Frame::from_key("hostages/held/gaza-city"),
        Some(Frame {
            measure: "hostages".into(),
            status: "held".into(),
            place: Some("gaza-city".into()),
            era: None,
            years_back: None,
            month: None,
        })
    );
    let frame = Frame::from_key("jobs/cut").expect("a key");
    assert_eq!((frame.key(), frame.place), ("jobs/cut".to_owned(), None));
    assert!(location_within("gaza-city", "gaza"));
    assert!(location_within("north-gaza", "gaza"));
    assert!(!location_within("gaza", "gaza"));
    assert!(!location_within("gazania", "gaza"));
    assert_eq!(speaker_key(Some("U.S. President Donald Trump")), "trump");
}

#[test]
fn a_short_phrase_of_a_longer_quote_is_the_same_statement_in_a_story() {
    let in_story = |mut c: Claim| {
        c.story = Some("s1".into());
        c
    };
    let claims = vec![
        in_story(quote(
            "a",
            "Jo Marsh",
            "I know it now: I am running out of energy, and I cannot do it again.",
        )),
        in_story(quote("b", "unknown", "running out of energy")),
        in_story(quote("c", "unknown", "energy running out")),
    ];
    let groups = keys(&claims);
    let with_a = groups
        .iter()
        .find(|(_, members)| members.contains(&"a".to_owned()))
        .map(|(_, members)| members.clone())
        .unwrap_or_default();
    assert!(with_a.contains(&"b".to_owned()), "{groups:?}");
    // the same words out of order are not a phrase of it
    assert!(!with_a.contains(&"c".to_owned()), "{groups:?}");
}

/// Two reports of a heat wave's dead: "a" and "b".
fn heat_deaths() -> Vec<Claim> {
    vec![
        quantity(
            "a",
            "people/dead",
            40.0,
            "2031-06-10",
            "forty pilgrims died in the heat",
        ),
        quantity(
            "b",
            "people/dead",
            52.0,
            "2031-06-11",
            "the heat killed 52 pilgrims",
        ),
    ]
}

#[test]
fn a_tally_unlike_any_sentence_counts_what_its_story_counts_most() {
    let mut claims = heat_deaths();
    claims.extend([
        quantity(
            "c",
            "people/injured",
            9.0,
            "2031-06-11",
            "nine were treated for heatstroke",
        ),
        quantity(
            "d",
            "tally/count",
            61.0,
            "2031-06-12",
            "a diplomats' count gives 61",
        ),
    ]);
    // Outside a story a tally stays apart.
    assert!(has_group(&keys(&claims), "tally/count", &["d"]));
    in_one_story(&mut claims);
    let got = keys(&claims);
    assert!(has_group(&got, "people/dead", &["a", "b", "d"]), "{got:?}");
}

#[test]
fn a_figure_of_another_year_than_its_story_s_stands_apart() {
    let mut claims = heat_deaths();
    claims.extend([quantity(
        "c",
        "people/dead",
        230.0,
        "2031-06-11",
        "last year's pilgrimage saw 230 deaths",
    )]);
    if let Some(frame) = claims[2].frame.as_mut() {
        frame.era = Some(2030);
    }
    in_one_story(&mut claims);
    let got = keys(&claims);
    assert!(has_group(&got, "people/dead", &["a", "b"]), "{got:?}");
    assert!(has_group(&got, "people/dead@2030", &["c"]), "{got:?}");
    // A year that is the story's own changes nothing.
    if let Some(frame) = claims[2].frame.as_mut() {
        frame.era = Some(2031);
    }
    let got = keys(&claims);
    assert!(has_group(&got, "people/dead", &["a", "b", "c"]), "{got:?}");
    // An undated article's "last year" counts back from the story's year.
    claims[2].date = None;
    if let Some(frame) = claims[2].frame.as_mut() {
        frame.era = None;
        frame.years_back = Some(1);
    }
    let got = keys(&claims);
    assert!(has_group(&got, "people/dead@2030", &["c"]), "{got:?}");
}

/// Gives claims (by position) the month their phrases name.
fn set_months(claims: &mut [Claim], months: &[(usize, u32)]) {
    for &(n, month) in months {
        if let Some(frame) = claims[n].frame.as_mut() {
            frame.month = Some(month);
        }
    }
}

#[test]
fn a_figure_of_another_month_than_its_story_s_stands_apart() {
    let mut claims = vec![
        quantity(
            "a",
            "jobs/count",
            140000.0,
            "2031-06-06",
            "employers added 140,000 jobs in May",
        ),
        quantity(
            "b",
            "jobs/count",
            145000.0,
            "2031-06-06",
            "payrolls rose by 145,000 in May",
        ),
        quantity(
            "c",
            "jobs/count",
            150000.0,
            "2031-06-06",
            "payrolls grew by 150,000",
        ),
        quantity(
            "d",
            "jobs/count",
            30000.0,
            "2031-06-06",
            "April was revised down by 30,000 jobs",
        ),
    ];
    set_months(&mut claims, &[(0, 5), (1, 5), (3, 4)]);
    in_one_story(&mut claims);
    let got = keys(&claims);
    // the story's month is the one its figures name most; a figure naming none is of it
    assert!(has_group(&got, "jobs/count", &["a", "b", "c"]), "{got:?}");
    assert!(has_group(&got, "jobs/count@2031-04", &["d"]), "{got:?}");
}

#[test]
fn parts_of_another_month_told_apart_keep_apart_keys() {
    let mut claims = vec![
        quantity(
            "a",
            "jobs/count",
            140000.0,
            "2031-06-06",
            "employers added 140,000 jobs in May",
        ),
        quantity(
            "b",
            "jobs/count",
            145000.0,
            "2031-06-06",
            "payrolls rose by 145,000 in May",
        ),
        quantity(
            "e",
            "jobs/count",
            142000.0,
            "2031-06-06",
            "May payrolls grew by 142,000",
        ),
        quantity(
            "c",
            "subset of jobs/count",
            12000.0,
            "2031-06-06",
            "construction firms shed 12,000 jobs in April as building slowed",
        ),
        quantity(
            "d",
            "subset of jobs/count",
            30000.0,
            "2031-06-06",
            "hospitals hired 30,000 nurses in April during a recruitment drive",
        ),
    ];
    set_months(&mut claims, &[(0, 5), (1, 5), (2, 5), (3, 4), (4, 4)]);
    in_one_story(&mut claims);
    let got = keys(&claims);
    let april: Vec<&String> = got
        .iter()
        .map(|(key, _)| key)
        .filter(|key| key.starts_with("subset of jobs/count@2031-04"))
        .collect();
    assert_eq!(april.len(), 2, "{got:?}");
    assert_ne!(april[0], april[1], "{got:?}");
}

#[test]
fn a_place_inside_another_is_its_figure_only_when_the_figures_read_alike() {
    let mut claims = vec![
        quantity(
            "a",
            "people/dead/maui",
            93.0,
            "2031-08-12",
            "93 dead on Maui",
        ),
        quantity(
            "b",
            "people/dead/maui",
            114.0,
            "2031-08-15",
            "Maui toll at 114",
        ),
        quantity(
            "c",
            "people/dead/lahaina",
            110.0,
            "2031-08-15",
            "110 died in Lahaina",
        ),
        quantity(
            "d",
            "people/dead/morocco",
            2900.0,
            "2031-09-11",
            "2,900 dead in Morocco",
        ),
        quantity(
            "e",
            "people/dead/taroudant",
            976.0,
            "2031-09-11",
            "976 in Taroudant",
        ),
    ];
    in_one_story(&mut claims);
    let got = keys(&claims);
    assert!(
        has_group(&got, "people/dead/maui", &["a", "b", "c"]),
        "{got:?}"
    );
    // A province's dead are a part of the country's, not another count of them.
    assert!(has_group(&got, "people/dead/taroudant", &["e"]), "{got:?}");
}

#[test]
fn a_breakdown_is_no_nationality_to_fold_back() {
    let mut claims = vec![
        quantity(
            "a",
            "people/dead",
            150.0,
            "2025-05-19",
            "The toll rose to 150.",
        ),
        quantity(
            "b",
            "people/dead",
            152.0,
            "2025-05-20",
            "At least 152 people died.",
        ),
        quantity(
            "c",
            "subset of people/dead",
            97.0,
            "2025-05-20",
            "Of the dead, 97 were women.",
        ),
    ];
    in_one_story(&mut claims);
    let got = keys(&claims);
    assert!(has_group(&got, "people/dead", &["a", "b"]), "{got:?}");
    assert!(
        !got.iter()
            .any(|(_, m)| m.len() > 1 && m.contains(&"c".to_owned())),
        "{got:?}"
    );
}
