//! Sentence templates. Placeholders in braces are filled by `article::Renderer::fill`.
//! `{n}` is a number before a counted noun, `{v}` a number standing alone.

/// Clauses that state a quantity, with the certainty they carry.
pub fn clauses(entity: &str, status: &str) -> &'static [(&'static str, &'static str)] {
    match (entity, status) {
        ("people", "dead") => &[
            ("{n} people have been killed in {place}", "asserted"),
            ("{n} people have died in {place}", "asserted"),
            ("the death toll in {place} has risen to {v}", "asserted"),
            (
                "the number of people killed in {place} stands at {v}",
                "asserted",
            ),
            ("{n} deaths have been confirmed in {place}", "asserted"),
            ("{n} people are confirmed dead in {place}", "asserted"),
            ("{disaster} killed {n} people in {place}", "asserted"),
            (
                "{n} people are believed to have died in {place}",
                "estimated",
            ),
        ],
        ("people", "injured") => &[
            ("{n} people have been injured in {place}", "asserted"),
            ("{n} people were hurt in {place}", "asserted"),
            (
                "the number of injured in {place} has climbed to {v}",
                "asserted",
            ),
            ("{n} people were wounded in {place}", "asserted"),
        ],
        ("people", "missing") => &[
            ("{n} people remain missing in {place}", "asserted"),
            ("{n} residents of {place} are still missing", "asserted"),
            (
                "the number of people missing in {place} stands at {v}",
                "asserted",
            ),
        ],
        ("people", "displaced") => &[
            ("{n} people have been displaced in {place}", "asserted"),
            (
                "{n} residents of {place} have been displaced from their homes",
                "asserted",
            ),
            (
                "the number of displaced people in {place} has reached {v}",
                "asserted",
            ),
        ],
        ("hostages", "held") => &[
            ("{n} hostages are still held in {place}", "asserted"),
            ("{n} captives remain in {place}", "asserted"),
            ("{n} people are being held hostage in {place}", "asserted"),
            (
                "the number of hostages held in {place} stands at {v}",
                "asserted",
            ),
        ],
        ("hostages", "alive") => &[
            ("{n} of the hostages in {place} are alive", "asserted"),
            ("{n} hostages held in {place} are still alive", "asserted"),
            (
                "{n} captives in {place} are believed to be alive",
                "estimated",
            ),
        ],
        ("hostages", "dead") => &[
            (
                "{n} of the hostages in {place} have died in captivity",
                "asserted",
            ),
            (
                "{n} hostages held in {place} are believed to be dead",
                "estimated",
            ),
            ("{n} captives in {place} have been killed", "asserted"),
        ],
        ("hostages", "released") => &[
            ("{n} hostages have been freed from {place}", "asserted"),
            (
                "{n} captives held in {place} have been released",
                "asserted",
            ),
            (
                "the number of hostages released from {place} has reached {v}",
                "asserted",
            ),
        ],
        ("protesters", "marched") => &[
            ("{n} people marched in {place}", "asserted"),
            (
                "{n} protesters took part in the march in {place}",
                "asserted",
            ),
            ("the crowd at the march in {place} numbered {v}", "asserted"),
            ("{n} demonstrators gathered in {place}", "asserted"),
            (
                "{n} people turned out for the protest in {place}",
                "asserted",
            ),
        ],
        ("people", "arrested") => &[
            ("{n} people have been arrested in {place}", "asserted"),
            ("{n} people were arrested in {place}", "asserted"),
            (
                "the number of people arrested in {place} has risen to {v}",
                "asserted",
            ),
            ("police in {place} have arrested {n} people", "asserted"),
        ],
        ("people", "released") => &[
            (
                "{n} of the people arrested in {place} have been released",
                "asserted",
            ),
            ("{n} people detained in {place} have been freed", "asserted"),
        ],
        _ => &[("{n} people were counted in {place}", "asserted")],
    }
}

pub const SAID: [&str; 6] = [
    "{P}, {C} said{w}.",
    "{C} said{w} that {P}.",
    "{C} said{w} {P}.",
    "{P}, {C} told reporters{w}.",
    "In a statement{w}, {C} said {P}.",
    "{C} reported{w} that {P}.",
];
pub const ACCORDING: [&str; 3] = [
    "According to {C}, {P}.",
    "{P}, according to {C}.",
    "{P}, according to figures from {C}.",
];
pub const ESTIMATED: [&str; 2] = ["{C} estimated{w} that {P}.", "{C} estimated{w} {P}."];
pub const CLAIMED: [&str; 2] = ["{C} claimed{w} that {P}.", "{C} claimed{w} {P}."];
pub const RELAY: [&str; 3] = [
    "{O} reported{w}, citing {C}, that {P}.",
    "{P}, {O} reported{w}, citing {C}.",
    "Citing {C}, {O} reported{w} that {P}.",
];
pub const CONTRAST: [&str; 3] = [
    "{C}, however, said{w} {P}.",
    "{C} gave a different figure, saying{w} that {P}.",
    "However, {C} said{w} that {P}.",
];

pub fn leads(kind: &str) -> &'static [&'static str] {
    match kind {
        "disaster" => &[
            "Rescue teams were still searching for survivors in {town} and {town2} after {disaster} {verb} {place} on {sw}.",
            "{disaster} {verb} {place} on {sw}, cutting roads and power to much of the area.",
            "Emergency crews reached the worst-hit villages around {town} only after roads were cleared.",
            "Officials warned that the figures were likely to change as search teams reached cut-off areas.",
        ],
        "hostage" => &[
            "Mediators were holding new contacts with both sides as families waited for news.",
            "The captives were seized in a raid on {town} on {sw}, and talks on their release have stalled since.",
            "The figures were given as envoys prepared for another round of indirect talks.",
        ],
        "protest" => &[
            "The march against the council's plan to sell the city's water company was one of the largest the city has seen.",
            "Protesters walked from the harbour to the city hall, blocking traffic in the centre for much of the afternoon.",
            "The size of the crowd became a dispute of its own within hours.",
        ],
        _ => &[
            "The arrests followed days of unrest in {place} over a disputed court ruling.",
            "Security forces have carried out raids across {place} since {sw}.",
            "The crackdown has drawn criticism from rights groups and foreign governments.",
        ],
    }
}

pub fn fillers(kind: &str) -> &'static [&'static str] {
    match kind {
        "disaster" => &[
            "Soldiers and volunteers worked to reopen the main road into {town} as forecasters warned of more bad weather.",
            "Many residents spent the night in schools and sports halls that had been turned into shelters.",
            "Power and mobile phone networks were still down in parts of {place}, making it hard for families to reach relatives.",
            "Aid agencies said clean water and medicine were the most urgent needs.",
            "The government declared a state of emergency across the region and promised help for families who lost their homes.",
            "Engineers were inspecting bridges and dams for damage before allowing traffic to resume.",
            "In {town2}, shopkeepers began clearing debris from their premises.",
            "Opposition politicians accused the authorities of ignoring warnings about the risks in the area.",
            "Neighbouring countries offered rescue teams and equipment, and the first foreign crews arrived at the regional airport.",
            "Officials urged residents not to return to damaged buildings until they had been checked.",
            "Helicopters dropped food and water to villages that could not be reached by road.",
            "Schools in the area will remain closed until further notice, the education authority said.",
            "Insurers said it was too early to estimate the cost of the damage.",
            "Volunteers set up kitchens in car parks and church halls to feed those who had lost their homes.",
            "The national weather service said conditions were expected to improve later in the week.",
        ],
        "hostage" => &[
            "Mediators have been shuttling between the two sides for weeks in an effort to secure a deal.",
            "Relatives of the hostages held a vigil outside government offices, holding photographs of their loved ones.",
            "The armed group has demanded the release of its fighters from state prisons in exchange for the captives.",
            "Officials declined to give details of the negotiations, citing the safety of those still held.",
            "Diplomats said the talks had made slow progress but had not broken down.",
            "Families have urged the government to put the return of the hostages ahead of military goals.",
            "Humanitarian groups have not been allowed to visit the captives, despite repeated requests.",
            "The government said military pressure would continue until all the hostages were home.",
            "Aid convoys waited at checkpoints on the edge of {place} for permission to enter.",
            "A senior official said a new proposal was being discussed but cautioned against expecting a quick breakthrough.",
            "Some of those released earlier described harsh conditions and little food during their captivity.",
            "The foreign ministry said it was in contact with governments in the region about the case.",
        ],
        "protest" => &[
            "The march set off from the central square and ended outside the city hall, where speakers addressed the crowd.",
            "Marchers carried banners and chanted slogans against the plan, which the council approved earlier this year.",
            "Shops along the route closed early, and public transport was suspended in the city centre for the afternoon.",
            "The council said it would listen to all views but that the decision had already been taken.",
            "Most of the day passed peacefully, although scuffles broke out near the end of the route.",
            "Counter-protesters gathered in a side street but were kept apart from the march by lines of officers.",
            "The coalition behind the march said it would keep up the pressure until the plan was withdrawn.",
            "Crowd figures have long been disputed in {place}, and both sides accuse each other of inflating or playing down the numbers.",
            "Riot police were deployed near government buildings, but the march passed without major incident.",
            "Several opposition figures joined the crowd, and some addressed the rally from the back of a truck.",
            "Residents of {town} travelled in by bus to take part.",
            "Council leader {official} said in a statement that the city needed investment and that the sale would secure it.",
        ],
        _ => &[
            "Families gathered outside police stations in {place} seeking news of relatives who had been detained.",
            "The government said those detained were suspected of rioting and damaging public property.",
            "Rights groups accused security forces of using excessive force and of holding people without charge.",
            "The interior minister defended the operation, saying order had to be restored.",
            "Courts in {place} began hearing the first cases, and lawyers complained they had little time to prepare.",
            "Internet access was restricted in parts of the region, residents said.",
            "Diplomats from several countries called for restraint and for detainees to be given access to lawyers.",
            "Police patrolled the streets of {town} at night, and a curfew remained in force.",
            "Opposition leaders said the crackdown was aimed at silencing critics ahead of elections.",
            "Prosecutor {official} said charges would be brought against those suspected of organising the violence.",
        ],
    }
}

pub const GENERIC_FILLERS: [&str; 7] = [
    "Reporters were unable to verify the figures independently.",
    "It was not immediately clear how the figures had been compiled.",
    "Local television carried images of the scene throughout the day.",
    "The government is under pressure to explain its response.",
    "Officials said they would give a further update later in the day.",
    "Questions remain about how the authorities prepared for events of this kind.",
    "The situation remained tense, and further announcements were expected.",
];

/// Sentences whose numbers are not claims: years, dates, ordinals, durations, times, phones.
pub fn distractors(kind: &str) -> &'static [&'static str] {
    match kind {
        "disaster" => &[
            "It was the worst {disaster_sing} to hit {place} since {year}.",
            "The last comparable disaster in the region, in {year}, led to new building rules.",
            "Rescue teams have worked around the clock over the past {hours} hours.",
            "{aw} marked the {ordinal} day of the emergency.",
            "A hotline for relatives, {phone}, was opened on {sd}.",
        ],
        "hostage" => &[
            "The crisis began on {sd}, when gunmen attacked {town}.",
            "Talks have now entered their {ordinal} week, diplomats said.",
            "Over the past {hours} hours, envoys have met both delegations separately.",
            "A new round of talks is expected to begin at {time} local time.",
            "The armed group was founded in {year} and has carried out kidnappings before.",
        ],
        "protest" => &[
            "The march began at {time} and lasted more than {small} hours.",
            "It was the {ordinal} protest since the council vote in {month}.",
            "The water company was founded in {year} and has been publicly owned ever since.",
            "A final council vote on the sale is scheduled for {later}.",
        ],
        _ => &[
            "The unrest began on {sd} after a court upheld a ban on opposition rallies.",
            "The emergency law used to detain suspects dates from {year}.",
            "Over the past {hours} hours, raids have been reported in several districts.",
            "{aw} was the {ordinal} day of the crackdown.",
            "Lawyers said hearings would resume at {time} on {later}.",
        ],
    }
}

/// (quote text, speaker type) — speaker types: 0 resident, 1 official of a claimant.
pub fn quotes(kind: &str) -> &'static [(&'static str, u8)] {
    match kind {
        "disaster" => &[
            ("The water came up so fast that we only had time to grab the children", 0),
            ("We have lost everything, but we are alive, and that is what matters", 0),
            ("Nobody came for two days, so we helped each other", 0),
            ("I have lived here for 40 years and never seen anything like this", 0),
            ("We are waiting for news of my cousin, and every hour feels like a week", 0),
            ("Our teams will keep searching as long as there is any chance of finding people alive", 1),
            ("The priority now is shelter, clean water and medical care for those who lost their homes", 1),
        ],
        "hostage" => &[
            ("Every day that passes is another day they may not survive", 0),
            ("We will not stop until the last of them comes home", 0),
            ("My brother has been gone for 90 days, and we still know nothing", 0),
            ("We are doing everything we can, but we cannot discuss the details of the talks", 1),
            ("There will be no deal at any price", 1),
        ],
        "protest" => &[
            ("This city belongs to the people who live in it, not to investors", 0),
            ("I came with my whole family because our children will pay the price", 0),
            ("I have marched three times this year and I will march again", 0),
            ("The streets were full, and the council cannot pretend otherwise", 1),
            ("We respect the right to protest, but we will not tolerate violence", 1),
        ],
        _ => &[
            ("My son was taken from our home at night and we have not been told where he is", 0),
            ("We were just standing on the corner when they started grabbing people", 0),
            ("The law applies to everyone, and those who broke it will answer for it", 1),
            ("We have asked to see our clients for three days and have been refused", 1),
        ],
    }
}

pub const OCCUPATIONS: [&str; 12] = [
    "teacher",
    "shopkeeper",
    "nurse",
    "farmer",
    "student",
    "taxi driver",
    "engineer",
    "retired teacher",
    "baker",
    "fisherman",
    "mechanic",
    "pharmacist",
];

pub fn titles(kind: &str) -> &'static [&'static str] {
    match kind {
        "disaster" => &[
            "{Place} {disaster_sing} death toll rises to {N}",
            "Rescuers race to reach cut-off villages after {disaster_sing} in {place}",
            "Death toll climbs as {disaster} hit {place}",
            "{N} dead after {disaster_sing} in {place}",
            "Search continues in {place} after deadly {disaster_sing}",
        ],
        "hostage" => &[
            "Hostage talks resume as families wait for news from {place}",
            "{N} hostages still held in {place}, officials say",
            "Families press for deal to free captives in {place}",
            "Envoys shuttle between sides over {place} captives",
        ],
        "protest" => &[
            "Large crowd marches in {place} against water sale",
            "Police and organisers split over size of {place} march",
            "{place} march draws {N}, by one count",
            "Water sale protest fills the streets of {place}",
        ],
        _ => &[
            "{N} arrested in {place} crackdown",
            "Rights groups condemn wave of arrests in {place}",
            "Detentions rise in {place} as unrest continues",
            "Families seek news of relatives detained in {place}",
        ],
    }
}
