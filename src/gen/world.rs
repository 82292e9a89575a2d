//! The planted world: stories with true quantities over time, claimants with biases, and
//! outlets with planted accuracy and habits.

use super::date::Date;
use super::names::{minor_name, person, slug, NameSpace};
use super::number::{round2, Habits};
use super::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Disaster,
    Hostage,
    Protest,
    Arrests,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Disaster => "disaster",
            Kind::Hostage => "hostage",
            Kind::Protest => "protest",
            Kind::Arrests => "arrests",
        }
    }
}

/// Words for one kind of disaster.
pub struct Disaster {
    pub noun: &'static str,
    pub sing: &'static str,
    pub verb: &'static str,
}

pub const DISASTERS: [Disaster; 5] = [
    Disaster {
        noun: "the floods",
        sing: "flood",
        verb: "swept through",
    },
    Disaster {
        noun: "the earthquake",
        sing: "earthquake",
        verb: "struck",
    },
    Disaster {
        noun: "the landslides",
        sing: "landslide",
        verb: "buried parts of",
    },
    Disaster {
        noun: "the storm",
        sing: "storm",
        verb: "tore through",
    },
    Disaster {
        noun: "the wildfires",
        sing: "wildfire",
        verb: "swept across",
    },
];

pub struct Quantity {
    pub entity: &'static str,
    pub status: &'static str,
    pub key: String,
    /// True value on each day of the story.
    pub values: Vec<u64>,
    /// Day index each day's value refers to (a march's crowd keeps the march's day).
    pub asof: Vec<u32>,
    /// Rises over time, so "up from N a day earlier" makes sense.
    pub increasing: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Authority,
    Governor,
    Relief,
    Hospital,
    Local,
    Government,
    ArmedGroup,
    Mediators,
    Families,
    Intelligence,
    Police,
    Organisers,
    Independent,
    RightsGroup,
    Lawyers,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Authority => "authority",
            Role::Governor => "governor",
            Role::Relief => "relief_group",
            Role::Hospital => "hospitals",
            Role::Local => "local_officials",
            Role::Government => "government",
            Role::ArmedGroup => "armed_group",
            Role::Mediators => "mediators",
            Role::Families => "families",
            Role::Intelligence => "intelligence",
            Role::Police => "police",
            Role::Organisers => "organisers",
            Role::Independent => "independent_count",
            Role::RightsGroup => "rights_group",
            Role::Lawyers => "lawyers",
        }
    }

    fn covers(self, status: &str) -> bool {
        match self {
            Role::Governor => matches!(status, "dead" | "missing" | "displaced"),
            Role::Relief => matches!(status, "dead" | "injured" | "displaced"),
            Role::Hospital => matches!(status, "dead" | "injured"),
            Role::Police => matches!(status, "marched" | "arrested" | "injured"),
            Role::Organisers => matches!(status, "marched" | "arrested" | "injured"),
            Role::Independent => status == "marched",
            Role::RightsGroup => matches!(status, "arrested" | "injured"),
            Role::Lawyers => matches!(status, "arrested" | "released"),
            Role::ArmedGroup | Role::Families => matches!(status, "held" | "alive" | "dead"),
            _ => true,
        }
    }

    /// How the claimant's statements are framed: 0 said, 1 estimated, 2 claimed.
    pub fn style(self) -> u8 {
        match self {
            Role::Intelligence | Role::Independent => 1,
            Role::ArmedGroup | Role::Organisers | Role::RightsGroup => 2,
            _ => 0,
        }
    }
}

pub struct Claimant {
    pub name: String,
    pub role: Role,
    /// Planted factor applied to the true value.
    pub bias: f64,
    /// Days behind the true figure.
    pub lag: u32,
    /// Announces round figures.
    pub rounds: bool,
    pub covers: Vec<usize>,
}

pub struct Story {
    pub id: String,
    pub kind: Kind,
    pub disaster: &'static Disaster,
    pub place: String,
    pub start: Date,
    pub days: u32,
    pub quantities: Vec<Quantity>,
    pub claimants: Vec<Claimant>,
    pub towns: [String; 2],
    /// Relief group, coalition, armed group or rights group, depending on the kind.
    pub group: String,
    pub official: String,
}

fn grow(rng: &mut Rng, days: u32, start: u64, lo: f64, hi: f64) -> Vec<u64> {
    let mut v = Vec::with_capacity(days as usize);
    let mut x = start;
    let mut rate = rng.uniform(lo, hi);
    for _ in 0..days {
        v.push(x);
        let step = ((x as f64) * rate) as u64;
        x += step.max(u64::from(rng.chance(0.7)));
        rate *= 0.8;
    }
    v
}

impl Story {
    pub fn new(seed: u64, index: usize, places: &NameSpace) -> Story {
        let mut rng = Rng::derive(seed, &[1, index as u64]);
        let kind = match rng.below(100) {
            0..=39 => Kind::Disaster,
            40..=59 => Kind::Hostage,
            60..=84 => Kind::Protest,
            _ => Kind::Arrests,
        };
        let core = places.name(index as u64);
        let place = match (kind, rng.below(6)) {
            (Kind::Disaster, 0 | 1) => format!("{core} Province"),
            (Kind::Disaster, 2) => format!("the {core} Valley"),
            (_, 3) => format!("Port {core}"),
            _ => core,
        };
        let slug_place = slug(place.trim_start_matches("the "));
        let days = rng.range(3, 10) as u32;
        let start = Date::from_ymd(2025, 1, 1).add(rng.below(365 - u64::from(days)) as i64);
        let disaster = &DISASTERS[rng.index(DISASTERS.len())];
        let towns = [minor_name(&mut rng), minor_name(&mut rng)];
        let official = person(&mut rng);
        let gcore = minor_name(&mut rng);
        let n = days as usize;
        let mut march_days = Vec::new();
        let mut quantities: Vec<Quantity> = Vec::new();
        let mut push = |entity: &'static str,
                        status: &'static str,
                        values: Vec<u64>,
                        asof: Option<Vec<u32>>,
                        increasing: bool| {
            let asof = asof.unwrap_or_else(|| (0..values.len() as u32).collect());
            quantities.push(Quantity {
                entity,
                status,
                key: format!("{entity}/{status}/{slug_place}"),
                values,
                asof,
                increasing,
            });
        };
        let group;
        let extra = if rng.chance(0.1) {
            0
        } else {
            rng.range(1, 3) as usize
        };
        match kind {
            Kind::Disaster => {
                group = format!("the {gcore} Relief Network");
                let d0 = rng.range(3, 160);
                let dead = grow(&mut rng, days, d0, 0.1, 0.6);
                let injured: Vec<u64> = dead.iter().map(|d| d * 2 + d / 3 + 5).collect::<Vec<_>>();
                let m0 = dead[0] + rng.range(5, 120);
                let missing: Vec<u64> = (0..n)
                    .map(|i| (m0 * (n as u64 + 1 - i as u64) / (n as u64 + 1)).max(2))
                    .collect();
                let p0 = rng.range(500, 40_000);
                let disp = grow(&mut rng, days, p0, 0.05, 0.4);
                push("people", "dead", dead, None, true);
                let mut rest = vec![
                    ("injured", injured, true),
                    ("missing", missing, false),
                    ("displaced", disp, true),
                ];
                for _ in 0..extra {
                    let (s, v, inc) = rest.remove(rng.index(rest.len()));
                    push("people", s, v, None, inc);
                }
            }
            Kind::Hostage => {
                group = format!("the {gcore} Brigades");
                let mut held = Vec::with_capacity(n);
                let mut dead = Vec::with_capacity(n);
                let mut released = Vec::with_capacity(n);
                let mut h = rng.range(12, 180);
                let mut d = h * rng.range(10, 45) / 100;
                let mut r = rng.range(0, 40);
                for _ in 0..n {
                    held.push(h);
                    dead.push(d);
                    released.push(r);
                    if rng.chance(0.3) && h > d + 3 {
                        let k = rng.range(1, (h - d) / 3 + 1);
                        h -= k;
                        r += k;
                    }
                    if rng.chance(0.2) && h > d + 1 {
                        d += 1;
                    }
                }
                let alive: Vec<u64> = held.iter().zip(&dead).map(|(h, d)| h - d).collect();
                push("hostages", "held", held, None, false);
                let mut rest = vec![
                    ("alive", alive, false),
                    ("dead", dead, true),
                    ("released", released, true),
                ];
                for _ in 0..extra {
                    let (s, v, inc) = rest.remove(rng.index(rest.len()));
                    push("hostages", s, v, None, inc);
                }
            }
            Kind::Protest => {
                group = format!("the {gcore} coalition");
                march_days.push(0);
                if days >= 7 {
                    march_days.push(days - 1);
                }
                let crowds: Vec<u64> = march_days
                    .iter()
                    .map(|_| round2(rng.range(2_000, 150_000)))
                    .collect();
                let mut marched = Vec::with_capacity(n);
                let mut asof = Vec::with_capacity(n);
                for i in 0..days {
                    let k = march_days.iter().rposition(|&m| m <= i).unwrap_or(0);
                    marched.push(crowds[k]);
                    asof.push(march_days[k]);
                }
                let a0 = rng.range(3, 120);
                let arrested = grow(&mut rng, days, a0, 0.05, 0.3);
                let i0 = rng.range(2, 40);
                let injured = grow(&mut rng, days, i0, 0.0, 0.2);
                push("protesters", "marched", marched, Some(asof), false);
                let mut rest = vec![("arrested", arrested), ("injured", injured)];
                for _ in 0..extra.min(2) {
                    let (s, v) = rest.remove(rng.index(rest.len()));
                    push("people", s, v, None, true);
                }
            }
            Kind::Arrests => {
                group = format!("{gcore} Rights Watch");
                let a0 = rng.range(20, 900);
                let arrested = grow(&mut rng, days, a0, 0.1, 0.5);
                let released: Vec<u64> = arrested
                    .iter()
                    .enumerate()
                    .map(|(i, a)| a * i as u64 / (3 * n as u64))
                    .collect();
                let i0 = rng.range(5, 90);
                let injured = grow(&mut rng, days, i0, 0.0, 0.25);
                push("people", "arrested", arrested, None, true);
                let mut rest = vec![("released", released), ("injured", injured)];
                for _ in 0..extra.min(2) {
                    let (s, v) = rest.remove(rng.index(rest.len()));
                    push("people", s, v, None, true);
                }
            }
        }
        let claimants = make_claimants(&mut rng, kind, &group, &official, &quantities);
        Story {
            id: format!("s{index:06}-{}-{slug_place}", kind.name()),
            kind,
            disaster,
            place,
            start,
            days,
            quantities,
            claimants,
            towns,
            group,
            official,
        }
    }

    pub fn date(&self, day: u32) -> Date {
        self.start.add(i64::from(day))
    }

    pub fn true_value(&self, q: usize, day: u32) -> u64 {
        self.quantities[q].values[day as usize]
    }

    /// What claimant `c` announces for quantity `q` on `day`.
    pub fn claimant_value(&self, c: usize, q: usize, day: u32) -> u64 {
        let cl = &self.claimants[c];
        let t = self.true_value(q, day.saturating_sub(cl.lag));
        let v = ((t as f64) * cl.bias + 0.5) as u64;
        let v = if cl.rounds { round2(v) } else { v };
        if t > 0 {
            v.max(1)
        } else {
            v
        }
    }
}

fn make_claimants(
    rng: &mut Rng,
    kind: Kind,
    group: &str,
    official: &str,
    quantities: &[Quantity],
) -> Vec<Claimant> {
    // (role, names, bias range, max lag, rounds)
    type Def = (Role, &'static [&'static str], f64, f64, u64, bool);
    let defs: &[Def] = match kind {
        Kind::Disaster => &[
            (
                Role::Authority,
                &[
                    "the health ministry",
                    "the interior ministry",
                    "the civil protection agency",
                    "the emergency services ministry",
                ],
                0.97,
                1.0,
                0,
                false,
            ),
            (
                Role::Governor,
                &[
                    "Governor {official}",
                    "the governor's office",
                    "the provincial governor",
                ],
                0.7,
                0.95,
                1,
                false,
            ),
            (Role::Relief, &["{group}"], 1.05, 1.4, 0, true),
            (
                Role::Hospital,
                &["hospital officials", "doctors at the main hospital"],
                1.0,
                1.12,
                0,
                false,
            ),
            (
                Role::Local,
                &["local officials", "the mayor's office"],
                0.9,
                1.05,
                1,
                false,
            ),
        ],
        Kind::Hostage => &[
            (
                Role::Government,
                &[
                    "the prime minister's office",
                    "the government",
                    "the national security council",
                ],
                1.0,
                1.0,
                0,
                false,
            ),
            (
                Role::ArmedGroup,
                &["{group}", "the armed group"],
                0.85,
                1.2,
                0,
                false,
            ),
            (
                Role::Mediators,
                &["mediators", "negotiators"],
                0.95,
                1.05,
                1,
                false,
            ),
            (
                Role::Families,
                &["a forum representing the families", "the families' forum"],
                1.0,
                1.1,
                0,
                false,
            ),
            (
                Role::Intelligence,
                &["intelligence officials", "security officials"],
                0.9,
                1.2,
                0,
                false,
            ),
        ],
        Kind::Protest => &[
            (
                Role::Police,
                &["police", "the police", "city police"],
                0.35,
                0.8,
                0,
                true,
            ),
            (
                Role::Organisers,
                &["organisers", "{group}"],
                1.4,
                3.0,
                0,
                true,
            ),
            (
                Role::Independent,
                &[
                    "researchers at the city university",
                    "an independent crowd-counting firm",
                ],
                0.92,
                1.08,
                0,
                true,
            ),
            (
                Role::Local,
                &["the mayor's office", "city officials"],
                0.7,
                1.0,
                0,
                true,
            ),
        ],
        Kind::Arrests => &[
            (
                Role::Authority,
                &["the interior ministry", "the prosecutor's office"],
                0.85,
                1.0,
                0,
                false,
            ),
            (
                Role::Police,
                &["police", "the national police"],
                0.9,
                1.0,
                1,
                false,
            ),
            (
                Role::RightsGroup,
                &["{group}", "a rights group"],
                1.2,
                1.8,
                0,
                false,
            ),
            (
                Role::Lawyers,
                &["defence lawyers", "a lawyers' association"],
                1.05,
                1.3,
                0,
                false,
            ),
        ],
    };
    let count = rng.range(2, defs.len() as u64) as usize;
    // The main authority always speaks; a random subset of the others joins it.
    let mut others: Vec<usize> = (1..defs.len()).collect();
    for i in (1..others.len()).rev() {
        let j = rng.index(i + 1);
        others.swap(i, j);
    }
    let mut chosen = vec![0];
    chosen.extend(others.into_iter().take(count - 1));
    chosen.sort_unstable();
    let mut out = Vec::with_capacity(count);
    for &i in &chosen {
        let (role, names, lo, hi, lag, rounds) = defs[i];
        let name = rng
            .pick(names)
            .replace("{group}", group)
            .replace("{official}", official);
        let covers: Vec<usize> = quantities
            .iter()
            .enumerate()
            .filter(|(_, q)| role.covers(q.status))
            .map(|(i, _)| i)
            .collect();
        let bias = rng.uniform(lo, hi);
        let bias = (bias * 1000.0 + 0.5).floor() / 1000.0;
        out.push(Claimant {
            name,
            role,
            bias,
            lag: rng.range(0, lag) as u32,
            rounds,
            covers,
        });
    }
    out
}

pub struct Outlet {
    pub name: String,
    pub slug: String,
    pub domain: String,
    pub accuracy: f64,
    pub habits: Habits,
    pub attrib_p: f64,
    pub relay_p: f64,
    pub backref_p: f64,
    pub copies: Option<usize>,
    pub copy_rate: f64,
    pub authors: Vec<String>,
    pub weight: f64,
    pub section: &'static str,
}

const OUTLET_FORMS: [(&str, &str); 22] = [
    ("The ", " Ledger"),
    ("", " Wire"),
    ("", " Daily"),
    ("The ", " Post"),
    ("", " Radio"),
    ("The ", " Times"),
    ("The ", " Herald"),
    ("", " News Agency"),
    ("The ", " Observer"),
    ("", " Courier"),
    ("The ", " Gazette"),
    ("The ", " Star"),
    ("", " Tribune"),
    ("The ", " Sentinel"),
    ("", " Chronicle"),
    ("The ", " Evening Lantern"),
    ("", " Bulletin"),
    ("The ", " Dispatch"),
    ("", " Monitor"),
    ("The ", " Review"),
    ("", " Broadcasting"),
    ("The ", " Valley Wire"),
];

pub fn make_outlets(seed: u64, count: usize, names: &NameSpace, first_index: u64) -> Vec<Outlet> {
    let mut out: Vec<Outlet> = Vec::with_capacity(count);
    for j in 0..count {
        let mut rng = Rng::derive(seed, &[2, j as u64]);
        let core = names.name(first_index + j as u64);
        let (pre, post) = OUTLET_FORMS[rng.index(OUTLET_FORMS.len())];
        let name = format!("{pre}{core}{post}");
        let s = slug(&name);
        let domain = format!("{}.example", s.trim_start_matches("the-").replace('-', ""));
        let accuracy = (rng.uniform(0.55, 0.99) * 1000.0).floor() / 1000.0;
        let round_p = rng.uniform(0.05, 0.45);
        let hedge_p = rng.uniform(0.05, 0.35);
        let habits = Habits {
            round_p,
            hedge_p,
            words_p: rng.uniform(0.0, 0.7),
        };
        let authors = (0..rng.range(2, 8)).map(|_| person(&mut rng)).collect();
        out.push(Outlet {
            name,
            slug: s,
            domain,
            accuracy,
            habits,
            attrib_p: rng.uniform(0.6, 0.97),
            relay_p: rng.uniform(0.0, 0.35),
            backref_p: rng.uniform(0.1, 0.6),
            copies: None,
            copy_rate: 0.0,
            authors,
            weight: rng.uniform(0.3, 3.0),
            section: rng.pick::<&str>(&["news", "world", "regions", "national", "wire", "latest"]),
        });
    }
    // Copiers: some outlets copy a non-copying outlet's articles, errors included.
    if count >= 3 {
        let mut rng = Rng::derive(seed, &[3]);
        for j in 1..count {
            let force = j == count - 1 && out.iter().all(|o| o.copies.is_none());
            if force || rng.chance(0.15) {
                let sources: Vec<usize> = (0..j).filter(|&k| out[k].copies.is_none()).collect();
                if sources.is_empty() {
                    continue;
                }
                let t = sources[rng.index(sources.len())];
                out[j].copies = Some(t);
                out[j].copy_rate = (rng.uniform(0.6, 0.95) * 100.0).floor() / 100.0;
                out[j].weight = out[j].weight.max(1.0);
            }
        }
    }
    out
}
