#!/usr/bin/env python3
"""Story grouping prototype: the reference design for the Rust port of issue "Stories".

Single-pass, incremental grouping of articles into stories (typed terms: entities, years,
months, numbers, stemmed words; TF-IDF cosine to story centroids; date and shared-number
factors; merge and rescue steps), measured on ../shared/data/realnews (pairwise F1 against
the gold `story`, in file order and over shuffles). Not used by crosscheck itself.

  python3 -m pip install snowballstemmer   # the stemmer tantivy uses (optional: plain
                                           # lower-case words without it)
  python3 bench/stories_prototype.py [global|seen]
"""
import json, glob, math, re, random, itertools, sys, collections, datetime
import os

try:
    import snowballstemmer
    STEM = snowballstemmer.stemmer('english')
except ImportError:  # measured figures used the stemmer; without it they differ a little
    class _NoStem:
        def stemWord(self, word):
            return word
    STEM = _NoStem()
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sorted(glob.glob(os.path.join(HERE, '..', '..', 'shared', 'data', 'realnews', 'dev-*.jsonl')))

def load():
    rows = []
    for f in DATA:
        for l in open(f, encoding='utf-8'):
            if l.strip():
                r = json.loads(l); r['id'] = len(rows); rows.append(r)
    return rows

# generic English stop list (Lucene/Snowball style + weekdays + news verbs of attribution)
STOP = set("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself no nor not now of off on once only or other our ours ourselves out over own same
she should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say told according per via since among upon
yet still even though although whether one two three four five six seven eight nine ten
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
mr mrs ms dr new last first next week weeks day days year years month months time
""".split())
MONTHS = {'january': 1, 'february': 2, 'march': 3, 'april': 4, 'may': 5, 'june': 6, 'july': 7,
          'august': 8, 'september': 9, 'october': 10, 'november': 11, 'december': 12,
          'jan': 1, 'feb': 2, 'mar': 3, 'apr': 4, 'jun': 6, 'jul': 7, 'aug': 8, 'sep': 9,
          'sept': 9, 'oct': 10, 'nov': 11, 'dec': 12}
MONTH_FULL = {v: k for k, v in MONTHS.items() if len(k) > 4 or k == 'may'}

TOK = re.compile(r"\d+(?:[.,]\d+)*(?:\s?[kK]\b|\s?(?:million|billion)\b)?|[^\W\d_]+(?:['’][^\W\d_]+)?|[.!?;:\n\"“”(]")
SENT_END = set('.!?\n:"“”(;')

def tokens(text):
    """yield (token, sentence_start)"""
    start = True
    for m in TOK.finditer(text):
        t = m.group(0)
        if t in SENT_END:
            if t in '.!?\n:“"(': start = True
            continue
        yield t, start
        start = False

def num_norm(t):
    s = t.replace(' ', '')
    mult = 1
    if s[-1] in 'kK': mult, s = 1000, s[:-1]
    elif s.endswith('million'): mult, s = 10**6, s[:-7]
    elif s.endswith('billion'): mult, s = 10**9, s[:-7]
    s = s.replace(',', '')
    if s.count('.') > 1: return None
    try: v = float(s) * mult
    except ValueError: return None
    return v

class CaseStats:
    """corpus-level capitalisation statistics of mid-sentence occurrences"""
    def __init__(self): self.cap = collections.Counter(); self.low = collections.Counter()
    def add(self, text):
        for t, st in tokens(text):
            if st or not t[0].isalpha(): continue
            (self.cap if t[0].isupper() else self.low)[t.lower()] += 1
    def proper(self, w):
        c, l = self.cap[w], self.low[w]
        return c > 0 and c >= l

def features(text, case, P):
    """typed term counts: W word stem, E entity, B entity bigram, N number, Y year, M month"""
    out = collections.Counter()
    prev_ent = None
    for t, st in tokens(text):
        lo = t.lower()
        if t[0].isdigit():
            prev_ent = None
            v = num_norm(t)
            if v is None: continue
            if v == int(v) and 1900 <= v <= 2100 and ',' not in t and len(t) == 4:
                out['Y:%d' % v] += 1
            elif v != int(v) or v >= P['num_min']:
                out['N:%g' % v] += 1
            continue
        if lo in MONTHS and t[0].isupper() and not (lo == 'may' and st):
            out['M:%d' % MONTHS[lo]] += 1
            prev_ent = None
            continue
        if lo in STOP or len(lo) < 2:
            prev_ent = None
            continue
        is_ent = t[0].isupper() and (not st or case.proper(lo)) or (t.isupper() and len(t) >= 2)
        if is_ent:
            e = lo.replace('’', "'")
            if e.endswith("'s"): e = e[:-2]
            out['E:' + e] += 1
            if prev_ent and P['w_B'] > 0: out['B:%s_%s' % (prev_ent, e)] += 1
            prev_ent = e
        else:
            out['W:' + STEM.stemWord(lo.replace('’', "'").split("'")[0])] += 1
            prev_ent = None
    return out

def typew(term, P):
    return P['w_' + term[0]]

def days(d):
    return datetime.date.fromisoformat(d).toordinal() if d else None

class Clusterer:
    def __init__(self, P, global_df=None, global_case=None):
        self.P = P
        self.df = collections.Counter(); self.N = 0
        self.global_df = global_df; self.global_case = global_case
        self.case = global_case or CaseStats()
        self.docs = []          # (raw counts, date ordinal)
        self.story_of = []
        self.stories = {}       # sid -> dict(members, cent Counter raw, dmin, dmax)
        self.next_sid = 0
        self.postings = collections.defaultdict(set)

    def idf(self, t):
        if self.global_df is not None:
            N, df = self.global_df[1], self.global_df[0][t]
        else:
            N, df = self.N, self.df[t]
        return math.log((N + 1) / (df + 0.5))

    def vec(self, raw, top=None):
        v = {}
        for t, c in raw.items():
            w = typew(t, self.P)
            if w <= 0: continue
            idf = self.idf(t)
            if idf <= 0: continue
            v[t] = w * (1 + math.log(c)) * idf
        if top and len(v) > top:
            v = dict(sorted(v.items(), key=lambda x: (-x[1], x[0]))[:top])
        n = math.sqrt(sum(x * x for x in v.values())) or 1
        return {t: x / n for t, x in v.items()}

    def cos(self, a, b):
        if len(a) > len(b): a, b = b, a
        return sum(x * b.get(t, 0) for t, x in a.items())

    def centroid(self, sid):
        c = collections.Counter()
        for m in self.stories[sid]['members']:
            for t, x in self.dvec[m].items(): c[t] += x
        n = math.sqrt(sum(x * x for x in c.values())) or 1
        return {t: x / n for t, x in c.items()}

    def story_nums(self, members, minc):
        c = collections.Counter(t for m in members for t in self.docs[m][0] if t[0] == 'N')
        return {t for t, n in c.items() if n >= minc}

    def num_factor(self, members, sid):
        P = self.P
        if P['num_pen'] >= 1: return 1.0
        idx = self.global_df[0] if self.global_df is not None else self.df
        an = {t for m in members for t in self.docs[m][0] if t[0] == 'N' and idx[t] >= 2}
        sm = self.stories[sid]['members']
        if len(sm) < 2: return 1.0
        sn = self.story_nums(sm, 2)
        if len(an) < 2 or len(sn) < 2: return 1.0
        if len(an & sn) / len(an) < P['num_agree']: return P['num_pen']
        return 1.0

    def cohesion(self, sid):
        c = self.centroid(sid); m = self.stories[sid]['members']
        return sum(self.cos(self.dvec[j], c) for j in m) / len(m)

    def rescue(self):
        P = self.P
        for sid in sorted(self.stories):
            if sid not in self.stories or len(self.stories[sid]['members']) > P['rescue_max']: continue
            mem = self.stories[sid]['members']
            c = self.centroid(sid)
            best, bo = 0, None
            for o in sorted(self.stories):
                if o == sid or len(self.stories[o]['members']) <= len(mem): continue
                sim = self.cos(c, self.centroid(o))
                dd = [self.docs[m][1] for m in mem if self.docs[m][1] is not None]
                if dd: sim *= min(self.date_factor(x, o) for x in dd)
                if sim > best: best, bo = sim, o
            if bo is not None and best >= P['t_rescue']:
                for m in mem: self.story_of[m] = bo
                self.stories[bo]['members'] += mem
                for k, f in (('dmin', min), ('dmax', max)):
                    vs = [x for x in (self.stories[bo][k], self.stories[sid][k]) if x is not None]
                    self.stories[bo][k] = f(vs) if vs else None
                del self.stories[sid]

    def date_factor(self, d, sid):
        P = self.P
        s = self.stories[sid]
        if d is None or s['dmin'] is None: return 1.0
        gap = max(0, s['dmin'] - d, d - s['dmax'])
        if gap <= P['date_win']: return 1.0
        return P['date_pen']

    def add(self, row):
        P = self.P
        if self.global_case is None: self.case.add(row['text'])
        text = row['text']
        if P.get('use_url') and row.get('url'):
            slug = re.sub(r'https?://[^/]+', '', row['url'])
            text = text + '\n' + re.sub(r'[-_/.?=&]+', ' ', slug)
        raw = features(text, self.case, P)
        d = days(row['date']) if P['use_dates'] else None
        i = len(self.docs)
        self.docs.append((raw, d)); self.gold = getattr(self, 'gold', []) + [row['story']]
        # df update (index contains the article itself)
        self.N += 1
        for t in raw: self.df[t] += 1
        # recompute doc vectors lazily with current idf (cheap at this size)
        if self.global_df is None or not hasattr(self, 'dvec'):
            self.dvec = [self.vec(r, P['top_terms']) for r, _ in self.docs]
        else:
            self.dvec.append(self.vec(raw, P['top_terms']))
        q = self.dvec[i]
        # candidate retrieval: MLT over the query's top terms, top-k earlier docs
        qt = dict(sorted(q.items(), key=lambda x: (-x[1], x[0]))[:P['mlt_terms']])
        scores = collections.Counter()
        for t, x in qt.items():
            for j in self.postings[t]:
                scores[j] += x * self.dvec[j].get(t, 0)
        for t in raw: self.postings[t].add(i)
        cand = sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:P['k']]
        best, bsid = 0.0, None
        cands = {}
        for j, _ in cand:
            sid = self.story_of[j]
            link = self.cos(q, self.dvec[j])
            cands.setdefault(sid, []).append(link)
        for sid, links in sorted(cands.items()):
            links.sort(reverse=True)
            c = self.cos(q, self.centroid(sid))
            s = P['a_cent'] * c + P['a_max'] * links[0] + P['a_avg2'] * (sum(links[:2]) / min(2, len(links)))
            s *= self.date_factor(d, sid)
            s *= self.num_factor([i], sid)
            if P['rho'] > 0 and len(self.stories[sid]['members']) >= P['coh_min']:
                if s < P['rho'] * self.cohesion(sid): continue
            if s > best or (s == best and bsid is not None and sid < bsid):
                best, bsid = s, sid
        if P.get('trace') and any(x in row['story'] for x in P['trace'].split(',')):
            print('TRACE', i, row['story'][:26], row['date'], '->', [(s2, self.stories[s2]['members'] and self.docs and round(P['a_cent'] * self.cos(q, self.centroid(s2)), 3), collections.Counter(self.gold[m][:14] for m in self.stories[s2]['members']).most_common(2)) for s2 in sorted(cands)][:6])
        if bsid is not None and best >= P['t']:
            sid = bsid
        else:
            sid = self.next_sid; self.next_sid += 1
            self.stories[sid] = {'members': [], 'dmin': None, 'dmax': None}
        self.story_of.append(sid)
        st = self.stories[sid]; st['members'].append(i)
        if d is not None:
            st['dmin'] = d if st['dmin'] is None else min(st['dmin'], d)
            st['dmax'] = d if st['dmax'] is None else max(st['dmax'], d)
        if P['t_merge'] < 1:
            self.try_merge(sid, [s for s in cands if s != sid])
        return sid

    def try_merge(self, sid, others):
        P = self.P
        c = self.centroid(sid)
        for o in sorted(others):
            if o not in self.stories or o == sid: continue
            so, ss = self.stories[o], self.stories[sid]
            if P['merge_min'] and (len(so['members']) < P['merge_min'] and len(ss['members']) < P['merge_min']):
                pass
            sim = self.cos(c, self.centroid(o))
            if ss['dmin'] is not None and so['dmin'] is not None:
                gap = max(0, so['dmin'] - ss['dmax'], ss['dmin'] - so['dmax'])
                if gap > P['date_win']: sim *= P['date_pen']
            small, big = (sid, o) if len(self.stories[sid]['members']) <= len(self.stories[o]['members']) else (o, sid)
            sim *= self.num_factor(self.stories[small]['members'], big)
            if sim >= P['t_merge'] and P['rho_m'] > 0:
                for x in (sid, o):
                    if len(self.stories[x]['members']) >= P['coh_min'] and sim < P['rho_m'] * self.cohesion(x):
                        sim = -1
            if sim >= P['t_merge']:
                if P.get('trace'): print('MERGE %.3f' % sim, collections.Counter(self.gold[m][:14] for m in self.stories[sid]['members']).most_common(2), collections.Counter(self.gold[m][:14] for m in self.stories[o]['members']).most_common(2))
                keep, drop = min(sid, o), max(sid, o)
                for m in self.stories[drop]['members']: self.story_of[m] = keep
                self.stories[keep]['members'] += self.stories[drop]['members']
                for k, f in (('dmin', min), ('dmax', max)):
                    vs = [x for x in (self.stories[keep][k], self.stories[drop][k]) if x is not None]
                    self.stories[keep][k] = f(vs) if vs else None
                del self.stories[drop]
                sid = keep
                c = self.centroid(sid)
        return sid

def prf(labels, gold):
    tp = fp = fn = 0
    for a, b in itertools.combinations(range(len(gold)), 2):
        g = gold[a] == gold[b]; p = labels[a] == labels[b]
        tp += g and p; fp += p and not g; fn += g and not p
    P = tp / (tp + fp) if tp + fp else 0; R = tp / (tp + fn) if tp + fn else 0
    return P, R, (2 * P * R / (P + R) if P + R else 0)

DEFAULT = dict(w_W=1.0, w_E=2.0, w_B=1.0, w_N=2.0, w_Y=2.0, w_M=2.0, num_min=10,
               top_terms=None, mlt_terms=25, k=10, a_cent=1.0, a_max=0.0, a_avg2=0.0,
               t=0.15, t_merge=1.0, merge_min=0, use_dates=True, date_win=30, date_pen=0.5,
               use_url=False, idf='seen', trace='', rho=0.0, coh_min=3, rescue_max=0, t_rescue=0.12, rho_m=0.0, num_pen=1.0, num_agree=0.34)

def global_stats(rows, P):
    case = CaseStats()
    for r in rows: case.add(r['text'])
    df = collections.Counter()
    for r in rows:
        for t in features(r['text'], case, P): df[t] += 1
    return (df, len(rows)), case

def run(rows, P):
    if P['idf'] == 'global':
        gdf, gcase = global_stats(rows, P)
        C = Clusterer(P, gdf, gcase)
    else:
        C = Clusterer(P)
    for r in rows: C.add(r)
    if P['rescue_max'] > 0: C.rescue()
    return {r['id']: C.story_of[i] for i, r in enumerate(rows)}

def evaluate(rows, P, shuffles=5, verbose=False):
    res = []
    orders = [list(rows)]
    for s in range(shuffles):
        o = list(rows); random.Random(s).shuffle(o); orders.append(o)
    for o in orders:
        lab = run(o, P)
        labels = [lab[r['id']] for r in rows]
        res.append(prf(labels, [r['story'] for r in rows]) + (labels,))
    return res

def summary(res):
    f = [r[2] for r in res]
    return 'file F1=%.3f P=%.3f R=%.3f | shuf mean F1=%.3f worst=%.3f P=%.3f R=%.3f' % (
        res[0][2], res[0][0], res[0][1], sum(f[1:]) / len(f[1:]), min(f[1:]),
        sum(r[0] for r in res[1:]) / len(f[1:]), sum(r[1] for r in res[1:]) / len(f[1:]))

GROUPS = [['morocco-earthquake-2023-09', 'herat-earthquake-2023-10', 'myanmar-earthquake-2025-03'],
          ['meta-layoffs-2022-11', 'amazon-layoffs-2023-01', 'twitter-layoffs-2022-11', 'microsoft-layoffs-2023-01'],
          ['kenya-finance-bill-protests-2024-06', 'kenya-finance-bill-anniversary-protests-2025-06'],
          ['us-jobs-report-2024-06', 'us-jobs-report-2024-07']]

def confusion(rows, labels):
    out = []
    for g in GROUPS:
        for s in g:
            c = collections.Counter(labels[r['id']] for r in rows if r['story'] == s)
            out.append('  %-48s %s' % (s, dict(c.most_common())))
        preds = [set(labels[r['id']] for r in rows if r['story'] == s) for s in g]
        shared = any(a & b for a, b in itertools.combinations(preds, 2))
        out.append('  -> %s' % ('MIXED' if shared else 'separated'))
    return '\n'.join(out)


if __name__ == '__main__':
    if not DATA:
        print('skipped: ../shared/data/realnews is not beside this checkout')
        sys.exit(0)
    rows = load()
    BEST = dict(DEFAULT, t=0.1, t_merge=0.2, rho=0.5, rescue_max=4, t_rescue=0.1, date_win=14, date_pen=0.5, num_pen=0.5, num_agree=0.2, idf=sys.argv[1] if len(sys.argv) > 1 else 'global')
    res = evaluate(rows, BEST)
    print(BEST['idf'], summary(res))
    print(confusion(rows, res[0][3]))
    print('shuffle worst:'); w = min(res[1:], key=lambda r: r[2]); print(confusion(rows, w[3]))
