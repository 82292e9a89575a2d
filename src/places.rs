//! `places` owns the gazetteer: which names are places, what a place is inside (a city in
//! its district, region and country), and the main name of a city known by several
//! ("Mecca" is "Makkah"). Extraction uses it to read a place out of a longer name
//! ("Afghanistan's Herat" is Herat); matching and compare use it for scope ("Lahaina" is
//! within "Maui"). The table is GeoNames data (CC BY 4.0), countries and places of 5,000
//! people or more with their administrative areas, compiled by `tools/build_gazetteer.py`
//! and carried in the binary. Places it does not know (a village, an invented town) are
//! left as written.

use std::collections::HashMap;
use std::io::Read;
use std::sync::LazyLock;

/// The compiled table: `slug, kind, population, containing areas (nearest first), main
/// slug`, one line per name of a place.
const TABLE: &[u8] = include_bytes!("../data/gazetteer.tsv.zst");

/// What kind of area a gazetteer line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Country,
    Region,
    District,
    Populated,
}

#[derive(Debug)]
struct Entry {
    kind: Kind,
    population: u64,
    /// Interned slugs of the areas containing it, nearest first.
    within: Vec<u32>,
    /// Interned main slug.
    main: u32,
}

#[derive(Debug, Default)]
struct Gazetteer {
    names: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32>,
    entries: HashMap<u32, Vec<Entry>>,
}

impl Gazetteer {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.ids.insert(name.into(), id);
        id
    }

    /// Reads the table; a damaged table (it is built into the binary, so only a broken
    /// build) leaves the gazetteer empty and every place as written.
    fn load() -> Gazetteer {
        let mut text = String::new();
        let read = zstd::stream::read::Decoder::new(TABLE)
            .and_then(|mut decoder| decoder.read_to_string(&mut text));
        let mut gazetteer = Gazetteer::default();
        if read.is_err() {
            return gazetteer;
        }
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(name), Some(kind), Some(population), Some(within), Some(main)) = (
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
                fields.next(),
            ) else {
                continue;
            };
            let kind = match kind {
                "C" => Kind::Country,
                "R" => Kind::Region,
                "D" => Kind::District,
                _ => Kind::Populated,
            };
            let within = within
                .split(',')
                .filter(|a| !a.is_empty())
                .map(|a| gazetteer.intern(a))
                .collect();
            let entry = Entry {
                kind,
                population: population.parse().unwrap_or(0),
                within,
                main: gazetteer.intern(main),
            };
            let id = gazetteer.intern(name);
            gazetteer.entries.entry(id).or_default().push(entry);
        }
        gazetteer
    }

    fn entries(&self, slug: &str) -> &[Entry] {
        self.ids
            .get(slug)
            .and_then(|id| self.entries.get(id))
            .map_or(&[], Vec::as_slice)
    }
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// Whether the gazetteer knows a slugged name as a place.
pub fn is_place(slug: &str) -> bool {
    !GAZETTEER.entries(slug).is_empty()
}

/// Whether a slugged name is a country's in its main reading ("china"; not "georgia",
/// a US state as often, nor "meta").
pub fn is_country(slug: &str) -> bool {
    GAZETTEER
        .entries(slug)
        .iter()
        .max_by_key(|e| (std::cmp::Reverse(e.kind), e.population))
        .is_some_and(|e| e.kind == Kind::Country)
}

/// The main name of a place known by several, when all its readings agree ("mecca" →
/// "makkah", "kiev" stays "kiev" where the region keeps that name).
pub fn main_name(slug: &str) -> Option<&'static str> {
    let gazetteer = &*GAZETTEER;
    let entries = gazetteer.entries(slug);
    let best = entries
        .iter()
        .max_by_key(|e| (std::cmp::Reverse(e.kind), e.population))?;
    Some(&gazetteer.names[best.main as usize])
}

/// Whether `narrow` lies inside `broad` in any of its readings ("lahaina" in "maui",
/// "hawaii" and "united-states").
pub fn within(narrow: &str, broad: &str) -> bool {
    let gazetteer = &*GAZETTEER;
    let Some(&broad_id) = gazetteer.ids.get(broad) else {
        return false;
    };
    narrow != broad
        && gazetteer
            .entries(narrow)
            .iter()
            .any(|e| e.within.contains(&broad_id))
}

/// The place a slugged name stands for: itself when the gazetteer knows it; else the last
/// known place inside it ("afghanistan-s-herat" → "herat", "spain-s-valencia-after-deadly"
/// → "valencia", "moscow-region-s-crocus-city" → "moscow"); else the name as written (an
/// invented town, a village the table leaves out).
pub fn read_place(slug: &str) -> String {
    let words: Vec<&str> = slug.split('-').collect();
    // Only a possessive or a long phrase hides a place: "Port Elin" and "Gaza City" are
    // names of their own, whatever their words name elsewhere.
    let possessive = words.contains(&"s");
    if is_place(slug) || slug.is_empty() || !(possessive || words.len() > 3) {
        return slug.to_owned();
    }
    // the longest known run of words, the later the better ("Spain's Valencia")
    for len in (1..words.len()).rev() {
        for start in (0..=words.len() - len).rev() {
            let candidate = words[start..start + len].join("-");
            if candidate.len() > 2 && is_place(&candidate) {
                return candidate;
            }
        }
    }
    slug.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_and_names() {
        assert!(within("lahaina", "maui"));
        assert!(within("lahaina", "united-states"));
        assert!(within("taroudant", "morocco"));
        assert!(!within("bangkok", "myanmar"));
        assert!(!within("morocco", "morocco"));
        assert_eq!(main_name("mecca"), Some("makkah"));
        assert!(is_place("nairobi") && !is_place("microsoft"));
    }

    fn check(input: &str, expected: &str) {
        assert_eq!(read_place(input), expected, "place of {input:?}");
    }

    #[test]
    fn places_inside_longer_names() {
        for (input, expected) in [
            ("afghanistan-s-herat", "herat"),
            ("spain-s-valencia-after-deadly", "valencia"),
            ("moscow-region-s-crocus-city", "moscow"),
            ("port-elin", "port-elin"),
            ("gaza-city", "gaza-city"),
        ] {
            check(input, expected);
        }
    }
}
