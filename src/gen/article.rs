//! Renders one article of a story as an outlet would write it, recording every claim.

use super::date::Date;
use super::names::{capitalise, person};
use super::number::{perturb, round_like, state, state_exact, Stated, ORDINALS};
use super::rng::Rng;
use super::text;
use super::world::{Outlet, Story};

/// A quantity claim as planted in the text.
pub struct Claim {
    pub q: usize,
    pub as_of: Date,
    pub true_value: u64,
    pub claimant_value: u64,
    pub stated: Stated,
    pub certainty: &'static str,
    pub claimant: Option<usize>,
    pub via: Option<usize>,
    pub error: bool,
}

pub struct Quote {
    pub speaker: String,
    pub text: String,
}

pub struct Rendered {
    pub title: String,
    pub paras: Vec<String>,
    /// Paragraphs that carry no claim and no quote (a copier may drop one).
    pub filler: Vec<bool>,
    pub claims: Vec<Claim>,
    pub quotes: Vec<Quote>,
    pub words: usize,
}

impl Rendered {
    pub fn body(&self) -> String {
        self.paras.join("\n")
    }

    /// A copier's light edit: drop one filler paragraph when the article stays long enough.
    pub fn drop_filler(&mut self, rng: &mut Rng) {
        let cands: Vec<usize> = (0..self.paras.len()).filter(|&i| self.filler[i]).collect();
        if cands.is_empty() {
            return;
        }
        let i = cands[rng.index(cands.len())];
        let w = count_words(&self.paras[i]);
        if self.words - w >= 130 {
            self.paras.remove(i);
            self.filler.remove(i);
            self.words -= w;
        }
    }
}

fn count_words(s: &str) -> usize {
    s.split_ascii_whitespace().count()
}

fn cap_first(s: &mut String) {
    if let Some(c) = s.chars().next() {
        if c.is_ascii_lowercase() {
            let up = c.to_ascii_uppercase();
            s.replace_range(0..1, up.encode_utf8(&mut [0; 4]));
        }
    }
}

struct Renderer<'a> {
    story: &'a Story,
    outlets: &'a [Outlet],
    o: usize,
    day: u32,
    date: Date,
    explicit: bool,
    rng: Rng,
    claims: Vec<Claim>,
    quotes: Vec<Quote>,
    /// Filler sentences not used yet (indices into the kind's pool, then the generic pool).
    fillers: Vec<usize>,
}

impl Renderer<'_> {
    fn next_filler(&mut self) -> Option<String> {
        let k = self.fillers.pop()?;
        let pool = text::fillers(self.story.kind.name());
        let tpl = if k < pool.len() {
            pool[k]
        } else {
            text::GENERIC_FILLERS[k - pool.len()]
        };
        let mut s = self.fill(tpl, &[]);
        cap_first(&mut s);
        Some(s)
    }

    /// "on Friday" / "on May 16", for a day of the story.
    fn when(&self, day: u32) -> String {
        let d = self.story.date(day);
        // a weekday names the latest such day on or before the article date: only within a week
        if self.explicit || self.day >= day + 7 {
            d.month_day()
        } else {
            d.weekday().to_string()
        }
    }

    fn var(&mut self, name: &str, out: &mut String) {
        let s = self.story;
        match name {
            "place" => out.push_str(&s.place),
            "Place" => out.push_str(&capitalise(s.place.trim_start_matches("the "))),
            "disaster" => out.push_str(s.disaster.noun),
            "disaster_sing" => out.push_str(s.disaster.sing),
            "verb" => out.push_str(s.disaster.verb),
            "town" => out.push_str(&s.towns[0]),
            "town2" => out.push_str(&s.towns[1]),
            "group" => out.push_str(&s.group),
            "official" => out.push_str(&s.official),
            "sw" => {
                let w = self.when(0);
                out.push_str(&w)
            }
            "sd" => out.push_str(&s.start.month_day()),
            "aw" => {
                let w = self.when(self.day);
                out.push_str(&w)
            }
            "month" => out.push_str(s.start.add(-(self.rng.range(20, 120) as i64)).month()),
            "later" => out.push_str(&self.date.add(self.rng.range(3, 30) as i64).month_day()),
            "year" => out.push_str(&self.rng.range(1948, 2019).to_string()),
            "hours" => out.push_str(self.rng.pick::<&str>(&["24", "48", "72", "36"])),
            "small" => out.push_str(self.rng.pick::<&str>(&["two", "three", "four", "5", "6"])),
            "ordinal" => out.push_str(ORDINALS[(self.day as usize).min(ORDINALS.len() - 1)]),
            "time" => {
                let h = self.rng.range(6, 11);
                let pm = self.rng.chance(0.5);
                out.push_str(&format!("{h} {}", if pm { "p.m." } else { "a.m." }))
            }
            "phone" => {
                let a = self.rng.range(100, 999);
                let b = self.rng.range(1000, 9999);
                out.push_str(&format!("0800 {a} {b}"))
            }
            _ => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
    }

    /// Fill `{name}` placeholders: `vars` first, then the story's context.
    fn fill(&mut self, tpl: &str, vars: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(tpl.len() + 64);
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let Some(j) = after.find('}') else {
                out.push_str(&rest[i..]);
                return out;
            };
            let name = &after[..j];
            match vars.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => out.push_str(v),
                None => self.var(name, &mut out),
            }
            rest = &after[j + 1..];
        }
        out.push_str(rest);
        out
    }

    fn claimant_for(&mut self, q: usize) -> usize {
        let cands: Vec<usize> = (0..self.story.claimants.len())
            .filter(|&c| self.story.claimants[c].covers.contains(&q))
            .collect();
        if cands.is_empty() {
            0
        } else {
            cands[self.rng.index(cands.len())]
        }
    }

    /// One sentence stating quantity `q`.
    /// `contrast`: a second claimant's figure; `relay`: reported via another outlet.
    fn claim_sentence(
        &mut self,
        q: usize,
        claimant: Option<usize>,
        relay: Option<usize>,
        contrast: bool,
    ) -> String {
        let story = self.story;
        let quantity = &story.quantities[q];
        let day = self.day;
        let as_of_day = quantity.asof[day as usize];
        let basis = claimant.unwrap_or_else(|| {
            story
                .claimants
                .iter()
                .position(|c| c.covers.contains(&q))
                .unwrap_or(0)
        });
        let cv = story.claimant_value(basis, q, day);
        let source = &self.outlets[relay.unwrap_or(self.o)];
        let error = !self.rng.chance(source.accuracy);
        let base = if error {
            perturb(cv, &mut self.rng)
        } else {
            cv
        };
        let base = if error && story.claimants[basis].rounds {
            round_like(base, cv)
        } else {
            base
        };
        let stated = state(base, &source.habits, &mut self.rng);
        let all = text::clauses(quantity.entity, quantity.status);
        let usable: Vec<usize> = (0..all.len())
            .filter(|&i| stated.standalone || all[i].0.contains("{n}"))
            .collect();
        let (tpl, mut certainty) = all[usable[self.rng.index(usable.len())]];
        let n = stated.before_noun();
        let mut clause = self.fill(tpl, &[("n", &n), ("v", &stated.surface)]);
        // when the figure refers to an earlier day (a march), say so inside the clause
        let mut w = String::new();
        let say_day = self.rng.chance(0.3);
        let ago_roll = self.rng.chance(0.5);
        if as_of_day != day {
            clause.push_str(" on ");
            clause.push_str(&self.when(as_of_day));
        } else if self.explicit || say_day {
            w = format!(" on {}", self.when(day));
        }
        let mut back: Option<Claim> = None;
        if relay.is_none()
            && quantity.increasing
            && day > 0
            && self.rng.chance(self.outlets[self.o].backref_p)
        {
            let prev = story.claimant_value(basis, q, day - 1);
            if prev > 0 && prev < base {
                let s = state_exact(prev, &self.outlets[self.o].habits, &mut self.rng);
                let ago = if self.explicit {
                    format!(" on {}", self.when(day - 1))
                } else if ago_roll {
                    " a day earlier".to_string()
                } else {
                    format!(" on {}", self.when(day - 1))
                };
                clause.push_str(", up from ");
                clause.push_str(&s.surface);
                clause.push_str(&ago);
                back = Some(Claim {
                    q,
                    as_of: story.date(day - 1),
                    true_value: story.true_value(q, day - 1),
                    claimant_value: prev,
                    stated: s,
                    certainty: "asserted",
                    claimant: None,
                    via: None,
                    error: false,
                });
            }
        }
        let acc_roll = self.rng.chance(0.35);
        let by_roll = self.rng.chance(0.5);
        let mut sentence = match (relay, claimant) {
            (Some(r), _) => {
                let c = &story.claimants[basis].name;
                let f = *self.rng.pick(&text::RELAY);
                self.fill(
                    f,
                    &[
                        ("O", &self.outlets[r].name),
                        ("C", c),
                        ("P", &clause),
                        ("w", &w),
                    ],
                )
            }
            (None, Some(c)) => {
                let cl = &story.claimants[c];
                let f = if contrast {
                    *self.rng.pick(&text::CONTRAST)
                } else {
                    match cl.role.style() {
                        1 if self.rng.chance(0.5) => {
                            certainty = "estimated";
                            *self.rng.pick(&text::ESTIMATED)
                        }
                        2 if self.rng.chance(0.5) => {
                            certainty = "claimed";
                            *self.rng.pick(&text::CLAIMED)
                        }
                        _ if w.is_empty() && acc_roll => *self.rng.pick(&text::ACCORDING),
                        _ => *self.rng.pick(&text::SAID),
                    }
                };
                self.fill(f, &[("C", &cl.name), ("P", &clause), ("w", &w)])
            }
            (None, None) => {
                if w.is_empty() {
                    format!("{clause}.")
                } else if by_roll {
                    format!("By {}, {clause}.", w.trim_start_matches(" on "))
                } else {
                    format!("{clause} as of {}.", w.trim_start_matches(" on "))
                }
            }
        };
        cap_first(&mut sentence);
        let claimant_out = if relay.is_some() {
            Some(basis)
        } else {
            claimant
        };
        self.claims.push(Claim {
            q,
            as_of: story.date(as_of_day),
            true_value: story.true_value(q, day),
            claimant_value: cv,
            stated,
            certainty,
            claimant: claimant_out,
            via: relay,
            error,
        });
        if let Some(mut b) = back {
            b.claimant = claimant_out;
            self.claims.push(b);
        }
        sentence
    }

    fn attributed(&mut self, q: usize) -> Option<usize> {
        if self.rng.chance(self.outlets[self.o].attrib_p) {
            Some(self.claimant_for(q))
        } else {
            None
        }
    }

    fn quote(&mut self) -> String {
        let kind = self.story.kind.name();
        let &(q, speaker_type) = self.rng.pick(text::quotes(kind));
        let name = person(&mut self.rng);
        let descr = if speaker_type == 1 {
            let c = self.rng.index(self.story.claimants.len());
            format!("a spokesperson for {}", self.story.claimants[c].name)
        } else if kind == "hostage" {
            format!(
                "whose {} is among the captives",
                self.rng
                    .pick(&["brother", "daughter", "father", "son", "sister"])
            )
        } else {
            let age = self.rng.range(19, 84);
            let occ = self.rng.pick(&text::OCCUPATIONS);
            let town = self.story.towns[self.rng.index(2)].clone();
            format!("a {age}-year-old {occ} from {town}")
        };
        let s = if self.rng.chance(0.7) {
            format!("“{q},” said {name}, {descr}.")
        } else {
            format!("{name}, {descr}, said: “{q}.”")
        };
        self.quotes.push(Quote {
            speaker: name,
            text: q.to_string(),
        });
        s
    }

    fn sentence_from(&mut self, pool: &[&str]) -> String {
        let tpl = *self.rng.pick(pool);
        let mut s = self.fill(tpl, &[]);
        cap_first(&mut s);
        s
    }
}

pub fn title(story: &Story, lead: &Stated, rng: &mut Rng) -> String {
    let tpl = *rng.pick(text::titles(story.kind.name()));
    let n = if lead.vague {
        capitalise(&lead.surface)
    } else {
        lead.surface.clone()
    };
    let mut r = Renderer {
        story,
        outlets: &[],
        o: 0,
        day: 0,
        date: story.start,
        explicit: false,
        rng: rng.clone(),
        claims: Vec::new(),
        quotes: Vec::new(),
        fillers: Vec::new(),
    };
    let mut t = r.fill(tpl, &[("N", &n)]);
    cap_first(&mut t);
    *rng = r.rng;
    t
}

/// Render the article that outlet `o` writes about `story` on `day`.
/// `explicit`: write explicit dates ("on May 13") instead of weekdays (for files without a date).
pub fn render(
    story: &Story,
    outlets: &[Outlet],
    o: usize,
    day: u32,
    explicit: bool,
    seed: u64,
) -> Rendered {
    let mut r = Renderer {
        story,
        outlets,
        o,
        day,
        date: story.date(day),
        explicit,
        rng: Rng::derive(seed, &[]),
        claims: Vec::new(),
        quotes: Vec::new(),
        fillers: Vec::new(),
    };
    let mut order: Vec<usize> =
        (0..text::fillers(story.kind.name()).len() + text::GENERIC_FILLERS.len()).collect();
    for i in (1..order.len()).rev() {
        let j = r.rng.index(i + 1);
        order.swap(i, j);
    }
    r.fillers = order;
    let kind = story.kind.name();
    let mut paras: Vec<String> = Vec::new();
    let mut filler: Vec<bool> = Vec::new();
    // lead: the main quantity
    let c0 = r.attributed(0);
    let mut lead = r.claim_sentence(0, c0, None, false);
    lead.push(' ');
    let ctx = r.sentence_from(text::leads(kind));
    lead.push_str(&ctx);
    paras.push(lead);
    filler.push(false);
    // a second claimant's figure for the main quantity
    let contrast_p = if story.kind.name() == "protest" {
        0.6
    } else {
        0.25
    };
    if story.claimants.len() > 1 && r.rng.chance(contrast_p) {
        let first = r.claims.first().and_then(|c| c.claimant);
        let others: Vec<usize> = (0..story.claimants.len())
            .filter(|&c| Some(c) != first && story.claimants[c].covers.contains(&0))
            .collect();
        if !others.is_empty() {
            let c = others[r.rng.index(others.len())];
            let s = r.claim_sentence(0, Some(c), None, true);
            paras.push(s);
            filler.push(false);
        }
    }
    // the other quantities, sometimes two to a paragraph
    let mut pending: Option<String> = None;
    for q in 1..story.quantities.len() {
        if !r.rng.chance(0.8) {
            continue;
        }
        let c = r.attributed(q);
        let s = r.claim_sentence(q, c, None, false);
        match pending.take() {
            Some(mut p) => {
                p.push(' ');
                p.push_str(&s);
                paras.push(p);
                filler.push(false);
            }
            None if r.rng.chance(0.5) => pending = Some(s),
            None => {
                paras.push(s);
                filler.push(false);
            }
        }
    }
    if let Some(p) = pending {
        paras.push(p);
        filler.push(false);
    }
    // optional pieces, shuffled: quotes, a relay, distractors
    let mut extras: Vec<(String, bool)> = Vec::new();
    let nquotes = if r.rng.chance(0.85) {
        1 + usize::from(r.rng.chance(0.35))
    } else {
        0
    };
    for _ in 0..nquotes {
        let s = r.quote();
        extras.push((s, false));
    }
    if outlets.len() > 1 && r.rng.chance(outlets[o].relay_p) {
        let mut other = r.rng.index(outlets.len() - 1);
        if other >= o {
            other += 1;
        }
        let q = r.rng.index(story.quantities.len());
        let c = r.claimant_for(q);
        let s = r.claim_sentence(q, Some(c), Some(other), false);
        extras.push((s, false));
    }
    for _ in 0..r.rng.range(1, 3) {
        let mut s = r.sentence_from(text::distractors(kind));
        if r.rng.chance(0.6) {
            if let Some(f) = r.next_filler() {
                s.push(' ');
                s.push_str(&f);
            }
        }
        extras.push((s, true));
    }
    for i in (1..extras.len()).rev() {
        let j = r.rng.index(i + 1);
        extras.swap(i, j);
    }
    let mut words: usize = paras.iter().map(|p| count_words(p)).sum();
    for (s, f) in extras {
        words += count_words(&s);
        paras.push(s);
        filler.push(f);
    }
    // fillers up to the target length, without repeating a sentence
    let target = r.rng.range(130, 380) as usize;
    let mut para = String::new();
    while words < target {
        let Some(s) = r.next_filler() else { break };
        let w = count_words(&s);
        if words + w > 395 {
            break;
        }
        words += w;
        if !para.is_empty() {
            para.push(' ');
        }
        para.push_str(&s);
        if r.rng.chance(0.5) {
            let at = r.rng.range(1, paras.len() as u64) as usize;
            paras.insert(at, std::mem::take(&mut para));
            filler.insert(at, true);
        }
    }
    if !para.is_empty() {
        paras.push(para);
        filler.push(true);
    }
    let lead_stated = r.claims[0].stated.clone();
    let mut trng = r.rng.clone();
    let t = title(story, &lead_stated, &mut trng);
    Rendered {
        title: t,
        paras,
        filler,
        claims: r.claims,
        quotes: r.quotes,
        words,
    }
}
