//! Attribution: who the article says gives each figure.

use super::{quantities, OptPairs};

fn check_attr(input: &str, expected: &[(Option<&str>, Option<&str>)]) {
    let got: Vec<(Option<String>, Option<String>)> = quantities(input)
        .into_iter()
        .map(|c| {
            let a = c.attribution;
            (a.as_ref().map(|a| a.source.clone()), a.and_then(|a| a.via))
        })
        .collect();
    let exp: Vec<(Option<String>, Option<String>)> = expected
        .iter()
        .map(|(s, v)| (s.map(str::to_string), v.map(str::to_string)))
        .collect();
    assert_eq!(got, exp, "attribution of {input:?}");
}

#[test]
fn attribution_table() {
    let table: &[(&str, OptPairs)] = &[
        ("According to the fire service, 12 homes burned.", &[(Some("the fire service"), None)]),
        ("Twelve homes burned, the fire service said.", &[(Some("the fire service"), None)]),
        ("The mayor says 12 homes burned.", &[(Some("The mayor"), None)]),
        ("The Coastal Herald reported, citing regional officials, that 12 homes burned.", &[(Some("regional officials"), Some("The Coastal Herald"))]),
        ("Police estimated the crowd at 4,000 people.", &[(Some("Police"), None)]),
        ("Rescue workers put the number at 35.", &[(Some("Rescue workers"), None)]),
        ("By the agency's figures, 35 homes burned.", &[(Some("the agency"), None)]),
        ("About 12 homes burned while the army claims 40 were hit.", &[(None, None), (Some("the army"), None)]),
        // whose count; who expected it; a figure inside a quote is its speaker's
        ("In 2019 a storm killed 300 people, by a Coastal Herald tally.", &[(Some("a Coastal Herald"), None)]),
        ("Analysts had expected 150,000 new jobs.", &[(Some("Analysts"), None)]),
        ("“We lost 40 homes last night,” the mayor said.", &[(Some("the mayor"), None)]),
        ("Footage from the Tarsa Liberation Front surfaced. The group claims to hold 9 soldiers.", &[(Some("Tarsa Liberation Front"), None)]),
        ("12 homes burned.", &[(None, None)]),
        // a poll's or forecast's own verb; a tally's only when it is named for its owner
        ("A revised Harbour TV prediction gives the party 412 seats.", &[(Some("Harbour TV"), None)]),
        ("The exit poll had the Greens on 131 seats.", &[(Some("The exit poll"), None)]),
        ("The Greens have 131 seats.", &[(None, None)]),
        ("Ferry trips reached 27,000; at that hour the tally had stood at 9,000.", &[(None, None), (None, None)]),
        // "give" reports a toll or a number of dead, not any figure
        ("Only hours before, Mayor Ann Hale had given the number of dead as six.", &[(Some("Mayor Ann Hale"), None)]),
        ("On Friday a senior Harbour official gave 577 deaths.", &[(Some("a senior Harbour official"), None)]),
        ("The council gave 500 families shelter.", &[(None, None)]),
        // a headline's claimant before a colon; never a dateline's place or a label
        ("Harbour health ministry: 31 died in the heat", &[(Some("Harbour health ministry"), None)]),
        ("Dunmere: At least 23 people died in the floods.", &[(None, None)]),
        ("Final results: 412 seats for the Greens.", &[(None, None)]),
        // a subject set off by an aside, before a reported clause that opens with a number
        // word; "the" of "confirmed the deaths" is nobody; "her" is the one named before
        ("Tom Vale, the mayor, said four nurses died in the fire.", &[(Some("Tom Vale"), None)]),
        ("Four nurses died in the fire, said the mayor on Friday.", &[(Some("the mayor"), None)]),
        ("Dr Anna Brell, the hospital's director, confirmed the deaths on Friday: four nurses died. According to her, two more were missing.", &[(Some("Dr Anna Brell"), None), (Some("Dr Anna Brell"), None)]),
        // an employer's cuts, and the share of its staff and the savings they stand for
        ("Orvane Corp. will cut 2,000 jobs - about 8% of its staff - to save $300 million.", &[(Some("Orvane Corp"), None), (Some("Orvane Corp"), None), (Some("Orvane Corp"), None)]),
        ("Orvane will cut 2,000 jobs. Its rival reported revenue of $9 billion.", &[(Some("Orvane"), None), (Some("Its rival"), None)]),
        ("Orvane will cut 2,000 jobs. Revenue fell to $9 billion.", &[(Some("Orvane"), None), (None, None)]),
        // relays, brackets, asides, days and "put ... at"
        ("Rescuers found 12 bodies, officials told Reuters.", &[(Some("officials"), Some("Reuters"))]),
        ("The Tarsa Fire Service (TFS) said yesterday that 12 homes burned.", &[(Some("The Tarsa Fire Service (TFS)"), None)]),
        ("The TFS (Tarsa Fire Service) says at least 12 homes burned.", &[(Some("The TFS (Tarsa Fire Service)"), None)]),
        ("TFS, the Tarsa Fire Service, said in a statement that 12 homes burned.", &[(Some("TFS"), None)]),
        ("On Monday Corvel said about 900 jobs would go.", &[(Some("Corvel"), None)]),
        ("Homes burned: 12, the fire chief said Monday - fewer than feared.", &[(Some("the fire chief"), None)]),
        ("The chief added that 12 homes burned.", &[(Some("The chief"), None)]),
        ("Medics had earlier put the number hurt in the blast at more than 60.", &[(Some("Medics"), None)]),
        ("Local radio puts the toll on Sunday at 31.", &[(Some("Local radio"), None)]),
        ("According to preliminary data, 40 people were killed, the fire service said.", &[(Some("the fire service"), None)]),
        ("The blast left 31 people confirmed dead, the fire service said.", &[(Some("the fire service"), None)]),
        // "per", tolls revised, figures a document shows, an employer's own cuts, pronouns
        ("Some 12 homes burned, per the Tarsa Fire Service.", &[(Some("the Tarsa Fire Service"), None)]),
        // the author of a document of figures; a named forecaster
        ("A first count released Sunday by the Tarsa authorities puts the toll at 31.", &[(Some("the Tarsa authorities"), None)]),
        ("The earlier count, released by the fire service on Sunday night, stood at 31 dead.", &[(Some("the fire service"), None)]),
        ("“Twelve homes burned,” read a statement from the Tarsa council.", &[(Some("the Tarsa council"), None)]),
        ("Hiring rose by 150,000, beating the 140,000 Corvel Analytics forecast.", &[(None, None), (Some("Corvel Analytics"), None)]),
        ("Hiring rose by 150,000, topping the Corvel Analytics estimate of 140,000.", &[(None, None), (Some("the Corvel Analytics"), None)]),
        ("Shares fell 3 per cent.", &[(None, None)]),
        ("The commission raised the death toll to 39.", &[(Some("The commission"), None)]),
        ("Official figures show 1,200 homes were destroyed.", &[(Some("Official figures"), None)]),
        ("Corvel Inc. will eliminate 900 jobs.", &[(Some("Corvel Inc"), None)]),
        // A sentence with no source that goes on about the same measure keeps the source
        // before; one about another measure does not.
        ("The ministry said 300 people had died. Another 120 people were buried on Sunday.", &[(Some("The ministry"), None), (Some("The ministry"), None)]),
        ("The ministry said 300 people had died. Some 40 homes burned.", &[(Some("The ministry"), None), (None, None)]),
        ("Late last year the company had cut around 100 jobs.", &[(None, None)]),
        ("Dean Mira Osk spoke to reporters. According to her, 12 students were missing.", &[(Some("Dean Mira Osk"), None)]),
        // a quote verb reports figures when it reports a clause or closes the sentence
        ("Aid groups kept 40 shelters open, the coordinator added.", &[(Some("the coordinator"), None)]),
        ("The governor wrote on social media that 14 people had died.", &[(Some("The governor"), None)]),
        ("The chief added 12 trucks to the fleet.", &[(None, None)]),
        ("Harlow County on Thursday night said 388 residents were still missing.", &[(Some("Harlow County"), None)]),
        // an aside in dashes; "count" as a verb, not the noun
        ("Corvel – owner of Tarsa Mills, Brightline and Oska – said 900 jobs would go.", &[(Some("Corvel"), None)]),
        ("Crews dug all night, and Mayor Lin Park, touring the site in Osk, Tarsa, said 12 homes burned.", &[(Some("Mayor Lin Park"), None)]),
        ("Harbour officials now count 16 dead.", &[(Some("Harbour officials"), None)]),
        ("The death count rose to 16.", &[(None, None)]),
    ];
    for (i, e) in table {
        check_attr(i, e);
    }
}
