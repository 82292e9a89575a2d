//! Invented names: places and outlets from syllables (unique per index), people from lists.

use super::rng::Rng;

// Onsets never start with a coda letter unless they are one letter long, so a name splits
// into syllables in only one way and distinct codes give distinct names.
const ONSETS: [&str; 20] = [
    "v", "m", "s", "k", "t", "l", "r", "d", "b", "n", "br", "tr", "kr", "gr", "dr", "h", "f", "z",
    "p", "c",
];
const VOWELS: [&str; 8] = ["a", "e", "i", "o", "u", "ai", "ea", "io"];
const CODAS: [&str; 6] = ["", "n", "r", "l", "m", "s"];
const SYLLABLES: u64 = (ONSETS.len() * VOWELS.len() * CODAS.len()) as u64;

fn syllable(code: u64, out: &mut String) {
    let o = (code % ONSETS.len() as u64) as usize;
    let rest = code / ONSETS.len() as u64;
    let v = (rest % VOWELS.len() as u64) as usize;
    let c = (rest / VOWELS.len() as u64) as usize;
    out.push_str(ONSETS[o]);
    out.push_str(VOWELS[v]);
    out.push_str(CODAS[c]);
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Bijection from indices `0..capacity` to capitalised syllable names.
pub struct NameSpace {
    syllables: u32,
    modulus: u64,
    mult: u64,
    offset: u64,
}

impl NameSpace {
    pub fn new(capacity: u64, seed: u64) -> NameSpace {
        let mut syllables = 2;
        let mut modulus = SYLLABLES * SYLLABLES;
        while modulus < capacity.saturating_mul(4) {
            syllables += 1;
            modulus = modulus.saturating_mul(SYLLABLES);
        }
        let mut rng = Rng::derive(seed, &[0x6e61_6d65]);
        let mut mult = rng.range(modulus / 3, modulus - 1) | 1;
        while gcd(mult, modulus) != 1 {
            mult += 2;
        }
        let offset = rng.below(modulus);
        NameSpace {
            syllables,
            modulus,
            mult,
            offset,
        }
    }

    pub fn name(&self, index: u64) -> String {
        let mut code = ((u128::from(index) * u128::from(self.mult) + u128::from(self.offset))
            % u128::from(self.modulus)) as u64;
        let mut out = String::with_capacity(12);
        for _ in 0..self.syllables {
            syllable(code % SYLLABLES, &mut out);
            code /= SYLLABLES;
        }
        capitalise(&out)
    }
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A short random name (towns, groups); not guaranteed unique, never carries claims.
pub fn minor_name(rng: &mut Rng) -> String {
    let mut out = String::new();
    syllable(rng.below(SYLLABLES), &mut out);
    if rng.chance(0.5) {
        syllable(rng.below(SYLLABLES), &mut out);
    } else {
        out.push_str(rng.pick::<&str>(&["by", "wick", "ford", "holm", "stad", "mere", "ton"]));
    }
    capitalise(&out)
}

/// lowercase ASCII slug: spaces and punctuation → `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

pub const FIRST: [&str; 48] = [
    "Anika", "Omar", "Lukas", "Mira", "Priya", "Samir", "Clara", "Noa", "Hana", "Ivo", "Maren",
    "Sanne", "Tomas", "Leila", "Dario", "Yusuf", "Elena", "Kofi", "Ines", "Rafael", "Sofia",
    "Jonas", "Amara", "Viktor", "Nadia", "Emil", "Zara", "Felix", "Oksana", "Mateo", "Aiko",
    "Bruno", "Camille", "Dmitri", "Esther", "Farid", "Greta", "Hugo", "Ilse", "Jamal", "Katya",
    "Lior", "Magnus", "Nell", "Oren", "Paula", "Rhea", "Stellan",
];
pub const LAST: [&str; 48] = [
    "Brell",
    "Lindgren",
    "Ferrante",
    "Szabo",
    "Castellane",
    "Dalton",
    "Nystrom",
    "Baram",
    "Okoro",
    "Marsh",
    "Holt",
    "Okafor",
    "Varga",
    "Mendes",
    "Quist",
    "Haddad",
    "Rosen",
    "Abara",
    "Kowal",
    "Duarte",
    "Ekberg",
    "Farrow",
    "Galli",
    "Hendry",
    "Ivers",
    "Jaric",
    "Kessler",
    "Lund",
    "Moreau",
    "Nakata",
    "Osei",
    "Petrov",
    "Ruiz",
    "Sander",
    "Tamm",
    "Ulloa",
    "Vance",
    "Wexler",
    "Yildiz",
    "Zorin",
    "Aalto",
    "Brandt",
    "Corvo",
    "Dunmore",
    "Eskin",
    "Falk",
    "Grange",
    "Hale",
];

pub fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique() {
        let ns = NameSpace::new(200_000, 42);
        let mut seen = HashSet::new();
        for i in 0..200_000 {
            assert!(seen.insert(ns.name(i)), "duplicate at {i}");
        }
        assert_eq!(slug("Port Serin"), "port-serin");
        assert_eq!(slug("The Serin Ledger"), "the-serin-ledger");
    }
}
