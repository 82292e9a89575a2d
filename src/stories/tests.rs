use super::*;

fn article(text: &str, date: Option<&str>) -> ArticleTerms {
    article_terms(None, text, date)
}

fn place_all(book: &mut StoryBook, articles: &[ArticleTerms]) -> Vec<String> {
    let batch: Vec<(String, &ArticleTerms)> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (format!("a{i}"), a))
        .collect();
    let batch: Vec<(&str, &ArticleTerms)> = batch.iter().map(|(id, a)| (id.as_str(), *a)).collect();
    let ids = book.place_batch(&batch);
    book.finish_run();
    ids.iter()
        .map(|id| book.canonical_id(id).to_owned())
        .collect()
}

#[test]
fn two_events_of_one_kind_are_two_stories() {
    let texts = [
        ("A strong earthquake struck Peru's Arequipa region, killing 14 people, the Peruvian civil defence agency said.", "2031-03-02"),
        ("Rescuers in Arequipa, Peru searched rubble after the earthquake killed 14; Peruvian officials feared more deaths.", "2031-03-03"),
        ("The Arequipa earthquake toll in Peru rose to 19, the civil defence agency of Peru reported.", "2031-03-04"),
        ("An earthquake shook Hokkaido in Japan, injuring 230 people, Japan's fire agency said.", "2031-07-10"),
        ("In Hokkaido, Japan, the fire agency counted 230 injured after the earthquake.", "2031-07-11"),
        ("Japan's Hokkaido earthquake left 230 injured and 4,000 homes without power, officials in Sapporo said.", "2031-07-11"),
    ];
    let articles: Vec<ArticleTerms> = texts.iter().map(|(t, d)| article(t, Some(d))).collect();
    let mut book = StoryBook::new();
    let stories = place_all(&mut book, &articles);
    assert_eq!(stories[0], stories[1], "{stories:?}");
    assert_eq!(stories[0], stories[2], "{stories:?}");
    assert_eq!(stories[3], stories[4], "{stories:?}");
    assert_eq!(stories[3], stories[5], "{stories:?}");
    assert_ne!(stories[0], stories[3], "{stories:?}");
}

#[test]
fn ids_are_stable_and_the_book_round_trips() {
    let articles: Vec<ArticleTerms> = [
        "Flooding in Valdivia, Chile displaced 3,400 residents.",
        "Chile's Valdivia floods displaced 3,400, officials in Valdivia said.",
    ]
    .iter()
    .map(|t| article(t, None))
    .collect();
    let mut first = StoryBook::new();
    let mut second = StoryBook::new();
    assert_eq!(
        place_all(&mut first, &articles),
        place_all(&mut second, &articles)
    );
    let dir = tempfile::tempdir().unwrap();
    first.save(dir.path()).unwrap();
    let loaded = StoryBook::load(dir.path()).unwrap();
    assert_eq!(loaded.stories().len(), first.stories().len());
    let id = &first.stories()[0].id;
    assert_eq!(loaded.canonical_id(id), first.canonical_id(id));
}

#[test]
fn a_season_apart_is_another_event_however_alike() {
    let texts = [
        ("Protesters marched on the parliament in Quito, Ecuador against the fuel tax; police said 3 died.", "2031-06-20"),
        ("In Quito, Ecuador, police fired tear gas as the fuel tax protest reached parliament.", "2031-06-21"),
        ("A year on, protesters marched on the parliament in Quito, Ecuador against the fuel tax again.", "2032-06-20"),
    ];
    let articles: Vec<ArticleTerms> = texts.iter().map(|(t, d)| article(t, Some(d))).collect();
    let mut book = StoryBook::new();
    let stories = place_all(&mut book, &articles);
    assert_eq!(stories[0], stories[1], "{stories:?}");
    assert_ne!(stories[0], stories[2], "{stories:?}");
}
