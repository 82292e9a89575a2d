//! Nationalities: the countries news names people by ("323 Egyptian pilgrims", "41
//! Jordanians", "Indonesia's toll"). A count of one nationality's dead is a part of the
//! whole toll, and another nationality's is another quantity.

use super::classes as class;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::tokens::Toks;

/// `country|adjective|plural noun`, one per line; the plural is left empty when it is the
/// adjective ("Japanese", "Swiss").
const NATIONALITIES: &str = "\
afghanistan|afghan|afghans
albania|albanian|albanians
algeria|algerian|algerians
argentina|argentine|argentines
armenia|armenian|armenians
australia|australian|australians
austria|austrian|austrians
azerbaijan|azerbaijani|azerbaijanis
bangladesh|bangladeshi|bangladeshis
belgium|belgian|belgians
bolivia|bolivian|bolivians
brazil|brazilian|brazilians
britain|british|britons
bulgaria|bulgarian|bulgarians
cambodia|cambodian|cambodians
cameroon|cameroonian|cameroonians
canada|canadian|canadians
chile|chilean|chileans
china|chinese|
colombia|colombian|colombians
croatia|croatian|croatians
cuba|cuban|cubans
czechia|czech|czechs
denmark|danish|danes
ecuador|ecuadorian|ecuadorians
egypt|egyptian|egyptians
ethiopia|ethiopian|ethiopians
finland|finnish|finns
france|french|
georgia|georgian|georgians
germany|german|germans
ghana|ghanaian|ghanaians
greece|greek|greeks
guatemala|guatemalan|guatemalans
haiti|haitian|haitians
hungary|hungarian|hungarians
india|indian|indians
indonesia|indonesian|indonesians
iran|iranian|iranians
iraq|iraqi|iraqis
ireland|irish|
israel|israeli|israelis
italy|italian|italians
japan|japanese|
jordan|jordanian|jordanians
kazakhstan|kazakh|kazakhs
kenya|kenyan|kenyans
kuwait|kuwaiti|kuwaitis
kyrgyzstan|kyrgyz|
lebanon|lebanese|
libya|libyan|libyans
malaysia|malaysian|malaysians
mali|malian|malians
mexico|mexican|mexicans
morocco|moroccan|moroccans
myanmar|burmese|
nepal|nepali|nepalis
netherlands|dutch|
new zealand|new zealander|new zealanders
nigeria|nigerian|nigerians
norway|norwegian|norwegians
pakistan|pakistani|pakistanis
palestine|palestinian|palestinians
peru|peruvian|peruvians
philippines|filipino|filipinos
poland|polish|poles
portugal|portuguese|
qatar|qatari|qataris
romania|romanian|romanians
russia|russian|russians
saudi arabia|saudi|saudis
senegal|senegalese|
serbia|serbian|serbs
singapore|singaporean|singaporeans
somalia|somali|somalis
south africa|south african|south africans
south korea|south korean|south koreans
spain|spanish|spaniards
sri lanka|sri lankan|sri lankans
sudan|sudanese|
sweden|swedish|swedes
switzerland|swiss|
syria|syrian|syrians
taiwan|taiwanese|
tajikistan|tajik|tajiks
tanzania|tanzanian|tanzanians
thailand|thai|thais
tunisia|tunisian|tunisians
turkey|turkish|turks
uganda|ugandan|ugandans
ukraine|ukrainian|ukrainians
united states|american|americans
uzbekistan|uzbek|uzbeks
venezuela|venezuelan|venezuelans
vietnam|vietnamese|
yemen|yemeni|yemenis
zimbabwe|zimbabwean|zimbabweans";

/// Lowercase one-word name (country, adjective or plural) -> country.
fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        for line in NATIONALITIES.lines() {
            let mut parts = line.split('|');
            let (Some(country), Some(adjective)) = (parts.next(), parts.next()) else {
                continue;
            };
            for name in [Some(country), Some(adjective), parts.next()]
                .into_iter()
                .flatten()
            {
                // one-word forms only: the tokenizer gives words one at a time
                if !name.is_empty() && !name.contains(' ') {
                    map.insert(name, country);
                }
            }
        }
        map
    })
}

pub(super) fn country_of(word: &str) -> Option<&'static str> {
    let lower = word
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_ascii_lowercase();
    table().get(lower.as_str()).copied()
}

/// Nouns a nationality names people by before a figure ("Egyptian deaths at 323").
pub(super) const TOLL_NOUNS: &[&str] = &[
    "casualties",
    "dead",
    "death",
    "deaths",
    "fatalities",
    "nationals",
    "pilgrims",
    "toll",
    "victims",
];

/// Tokens between the figure and the nationality after it ("323 Egyptian pilgrims", "41
/// Jordanians", "165 from Indonesia").
const AFTER_WINDOW: usize = 3;

/// The nationality of the people counted by the figure at tokens `[a, b)` within the
/// sentence's tokens `[ta, tb)`, when the text names one next to it.
pub fn nationality(tk: &Toks, a: usize, b: usize, ta: usize, tb: usize) -> Option<&'static str> {
    // "323 Egyptian pilgrims", "41 Jordanians", "165 from Indonesia"
    for k in b..(b + AFTER_WINDOW).min(tb) {
        if !tk.is_word(k) {
            break;
        }
        if tk.capitalized(k) {
            if let Some(country) = country_of(tk.s(k)) {
                // a country name itself only after "from": "died in Egypt" is a place
                let is_country = tk.s(k).eq_ignore_ascii_case(country);
                if !is_country || tk.is(k.wrapping_sub(1), "from") {
                    return Some(country);
                }
            }
        }
        if !tk.any(k, &["from", "of", "their", "its"]) {
            break;
        }
    }
    // "Egyptians accounted for at least 323": a nationality's share of a toll
    let v = super::frame::before_hedge(tk, a, ta);
    if v > ta + 1
        && tk.is(v, "for")
        && tk.any(v - 1, super::lexicon::ACCOUNT_VERBS)
        && tk.capitalized(v - 2)
    {
        if let Some(country) = country_of(tk.s(v - 2)) {
            if !tk.s(v - 2).eq_ignore_ascii_case(country) {
                return Some(country);
            }
        }
    }
    // "Egyptian deaths at 323": a nationality on a toll noun
    let from = a.saturating_sub(6).max(ta);
    for k in (from..a).rev() {
        if tk.punct(k, ';') || tk.punct(k, ',') || tk.is_num(k) {
            break;
        }
        if tk.has(k, class::NATIONAL_TOLL_NOUNS) && k > ta && tk.capitalized(k - 1) {
            // "Kenya's death toll" is the toll in Kenya: a place, not a nationality
            if let Some(country) = country_of(tk.s(k - 1)) {
                let word = tk.s(k - 1).to_ascii_lowercase();
                let named = word.trim_end_matches("'s").trim_end_matches("’s");
                if named != country {
                    return Some(country);
                }
            }
        }
    }
    None
}

/// The country before a toll noun in the possessive ("Egypt's toll at 672", "Egypt's hajj
/// dead reach 600"): the toll in that country, or of that country's people when the story
/// is set elsewhere, which the caller knows.
pub fn possessive_country(tk: &Toks, a: usize, ta: usize) -> Option<&'static str> {
    let from = a.saturating_sub(6).max(ta);
    for k in (from..a).rev() {
        if tk.punct(k, ';') || tk.punct(k, ',') || tk.is_num(k) {
            break;
        }
        if !tk.has(k, class::NATIONAL_TOLL_NOUNS) {
            continue;
        }
        // the owner right before the noun, or before one word of it ("Egypt's hajj dead")
        for owner in [k.wrapping_sub(1), k.wrapping_sub(2)] {
            if owner < ta || owner >= k || !tk.capitalized(owner) {
                continue;
            }
            let word = tk.s(owner);
            let possessive = word.ends_with("'s") || word.ends_with("’s");
            let named = word.trim_end_matches("'s").trim_end_matches("’s");
            if let Some(country) = country_of(word) {
                if possessive && named.eq_ignore_ascii_case(country) {
                    return Some(country);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        let tk = Toks::new(text);
        let a = (0..tk.len()).find(|&i| tk.is_num(i)).unwrap_or(0);
        assert_eq!(nationality(&tk, a, a + 1, 0, tk.len()), expected, "{text}");
    }

    #[test]
    fn nationality_of_the_counted() {
        check("At least 323 Egyptian pilgrims died.", Some("egypt"));
        check("The dead include 660 Egyptians.", Some("egypt"));
        check("AP counts 165 from Indonesia.", Some("indonesia"));
        check("CNN puts Indonesian deaths at 165.", Some("indonesia"));
        check("Sources put Kenya's toll at 22.", None);
        check("Some 2,000 died in Morocco.", None);
        check("Moroccan officials said 2,000 died.", None);
        check("The toll reached 2,000.", None);
        check("Egyptians accounted for some 323.", Some("egypt"));
        check("Egypt accounted for some 323.", None);
    }

    #[test]
    fn country_owning_a_toll() {
        let check = |text: &str, expected: Option<&str>| {
            let tk = Toks::new(text);
            let a = (0..tk.len()).find(|&i| tk.is_num(i)).unwrap_or(0);
            assert_eq!(possessive_country(&tk, a, 0), expected, "{text}");
        };
        check(
            "Officials put Egypt's toll on Sunday at 672.",
            Some("egypt"),
        );
        check("Egypt's hajj dead reach 600.", Some("egypt"));
        check("Sources put Kenya's toll at 22.", Some("kenya"));
        check("Egyptian officials put the toll at 22.", None);
        check("Egypt's president said 22 died.", None);
    }
}
