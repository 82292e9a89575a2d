//! `truth.jsonl`: the planted ground truth, one JSON object per line, field `type` first:
//! - `outlet`: name, domain, planted accuracy, habits, copy target and rate;
//! - `story`: kind, place, dates and every quantity's true value per day;
//! - `claimant`: a story's claimant with its planted bias (factor on the true value) and lag;
//! - `article`: id, outlet, story, date, format, file, copied_from, word count;
//! - `claim`: one per quantity claim in an article's text (see [`ClaimLine`]);
//! - `quote`: speaker and quote text as written.

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use super::article::Rendered;
use super::date::Date;
use super::world::{Outlet, Story};

fn num<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn opt_num<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => num(x, s),
        None => s.serialize_none(),
    }
}

fn line<T: Serialize>(w: &mut impl Write, v: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, v).map_err(io::Error::other)?;
    w.write_all(b"\n")
}

#[derive(Serialize)]
struct OutletLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    outlet: &'a str,
    domain: &'a str,
    planted_accuracy: f64,
    copies: Option<&'a str>,
    copy_rate: f64,
    round_p: f64,
    hedge_p: f64,
    words_p: f64,
    attribution_p: f64,
    relay_p: f64,
    authors: &'a [String],
}

fn r3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub(super) fn outlet_line(w: &mut impl Write, o: &Outlet, all: &[Outlet]) -> io::Result<()> {
    line(
        w,
        &OutletLine {
            kind: "outlet",
            outlet: &o.name,
            domain: &o.domain,
            planted_accuracy: o.accuracy,
            copies: o.copies.map(|t| all[t].name.as_str()),
            copy_rate: o.copy_rate,
            round_p: r3(o.habits.round_p),
            hedge_p: r3(o.habits.hedge_p),
            words_p: r3(o.habits.words_p),
            attribution_p: r3(o.attrib_p),
            relay_p: r3(o.relay_p),
            authors: &o.authors,
        },
    )
}

#[derive(Serialize)]
struct QuantityTruth<'a> {
    key: &'a str,
    /// [date, true value] per day; the date is the day the value refers to.
    values: Vec<(String, u64)>,
}

#[derive(Serialize)]
struct StoryLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    story: &'a str,
    story_kind: &'static str,
    place: &'a str,
    start: String,
    end: String,
    quantities: Vec<QuantityTruth<'a>>,
}

#[derive(Serialize)]
struct ClaimantLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    story: &'a str,
    claimant: &'a str,
    role: &'static str,
    bias: f64,
    lag_days: u32,
    rounds: bool,
    keys: Vec<&'a str>,
}

pub(super) fn story_lines(w: &mut impl Write, s: &Story) -> io::Result<()> {
    let quantities = s
        .quantities
        .iter()
        .map(|q| QuantityTruth {
            key: &q.key,
            values: (0..s.days as usize)
                .filter(|&d| q.asof[d] as usize == d)
                .map(|d| (s.date(d as u32).iso(), q.values[d]))
                .collect(),
        })
        .collect();
    line(
        w,
        &StoryLine {
            kind: "story",
            story: &s.id,
            story_kind: s.kind.name(),
            place: &s.place,
            start: s.start.iso(),
            end: s.date(s.days - 1).iso(),
            quantities,
        },
    )?;
    for c in &s.claimants {
        line(
            w,
            &ClaimantLine {
                kind: "claimant",
                story: &s.id,
                claimant: &c.name,
                role: c.role.name(),
                bias: c.bias,
                lag_days: c.lag,
                rounds: c.rounds,
                keys: c
                    .covers
                    .iter()
                    .map(|&q| s.quantities[q].key.as_str())
                    .collect(),
            },
        )?;
    }
    Ok(())
}

pub(super) struct ArticleRec<'a> {
    pub article_id: &'a str,
    pub outlet: &'a str,
    pub story: &'a Story,
    pub date: Date,
    pub format: &'static str,
    pub path: &'a str,
    pub copied_from: Option<&'a str>,
}

#[derive(Serialize)]
struct ArticleLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    article_id: &'a str,
    outlet: &'a str,
    story: &'a str,
    date: String,
    format: &'static str,
    path: &'a str,
    title: &'a str,
    copied_from: Option<&'a str>,
    words: usize,
}

/// One quantity claim as written in an article.
#[derive(Serialize)]
pub struct ClaimLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    article_id: &'a str,
    outlet: &'a str,
    story: &'a str,
    /// CONVENTIONS key: `people/dead/valmora-province`.
    key: &'a str,
    as_of: String,
    /// The true value on `as_of`.
    true_value: u64,
    /// What the claimant announced (true value × planted bias, with lag and rounding).
    claimant_value: u64,
    /// The number as stated (midpoint for ranges).
    #[serde(serialize_with = "num")]
    reported_value: f64,
    qualifier: &'static str,
    #[serde(serialize_with = "opt_num")]
    low: Option<f64>,
    #[serde(serialize_with = "opt_num")]
    high: Option<f64>,
    /// Text as written: "about 1,200", "dozens".
    surface: &'a str,
    certainty: &'static str,
    claimant: Option<&'a str>,
    /// The outlet a relayed claim is credited to ("X reported, citing Y, that …").
    via: Option<&'a str>,
    /// The outlet this article was copied from (its wording and figures, errors included).
    copied_from: Option<&'a str>,
    /// The outlet got the claimant's figure wrong (off by 5–40% before hedging).
    error: bool,
}

#[derive(Serialize)]
struct QuoteLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    article_id: &'a str,
    quote_speaker: &'a str,
    quote_text: &'a str,
}

pub(super) fn article_lines(
    w: &mut impl Write,
    a: &ArticleRec,
    art: &Rendered,
    outlets: &[Outlet],
) -> io::Result<()> {
    let s = a.story;
    line(
        w,
        &ArticleLine {
            kind: "article",
            article_id: a.article_id,
            outlet: a.outlet,
            story: &s.id,
            date: a.date.iso(),
            format: a.format,
            path: a.path,
            title: &art.title,
            copied_from: a.copied_from,
            words: art.words,
        },
    )?;
    for c in &art.claims {
        line(
            w,
            &ClaimLine {
                kind: "claim",
                article_id: a.article_id,
                outlet: a.outlet,
                story: &s.id,
                key: &s.quantities[c.q].key,
                as_of: c.as_of.iso(),
                true_value: c.true_value,
                claimant_value: c.claimant_value,
                reported_value: c.stated.value,
                qualifier: c.stated.qualifier,
                low: c.stated.low,
                high: c.stated.high,
                surface: &c.stated.surface,
                certainty: c.certainty,
                claimant: c.claimant.map(|k| s.claimants[k].name.as_str()),
                via: c.via.map(|k| outlets[k].name.as_str()),
                copied_from: a.copied_from,
                error: c.error,
            },
        )?;
    }
    for q in &art.quotes {
        line(
            w,
            &QuoteLine {
                kind: "quote",
                article_id: a.article_id,
                quote_speaker: &q.speaker,
                quote_text: &q.text,
            },
        )?;
    }
    Ok(())
}
