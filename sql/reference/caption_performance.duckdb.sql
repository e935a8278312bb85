-- caption_performance.duckdb.sql
--
-- docs/caption-performance.md (caption performance) written a second time, independently of the Beam pipeline,
-- as one DuckDB query over mass_messages and caption_bank. It returns exactly the rows the
-- pipeline writes to caption_bandit_stats (same columns, same order). Tests and
-- `./eros bench caption-performance` run both on the same file and require equal results.
--
-- Parameters (substituted as literals before the query runs; used only in the `params` CTE):
--   $as_of_us            asOf as epoch microseconds (every window ends here, exclusive)
--   $median_window_days  median window, in days of 24 h   (default 30)
--   $stats_window_days   statistics window, in days of 24 h (default 90)
--   $half_life_days      decay half-life in days           (default 14)
--   $z                   Wilson z                          (default 1.96)
--
-- Choices shared with the pipeline (they are part of the contract of the two, not shortcuts):
--   * times are compared as epoch microseconds (epoch_us), every digit the store keeps, like the
--     pipeline's rows;
--   * attribution: visible captions are the page's own plus the shared ones (page_name NULL),
--     retired ones (is_active = false) included; exactly one distinct caption_id must match;
--   * last_emv_observed: latest sending_time, then highest message_id (NULL lowest), then
--     highest EMV;
--   * avg_emv sums EMVs in ascending order, so captions whose EMVs are equal as multisets tie
--     exactly (the percentile depends on exact ties).
WITH params AS (
    SELECT
        CAST($as_of_us AS BIGINT)                                                        AS as_of_us,
        CAST($as_of_us AS BIGINT) - CAST($median_window_days AS BIGINT) * 86400000000       AS median_from_us,
        CAST($as_of_us AS BIGINT) - CAST($stats_window_days AS BIGINT) * 86400000000        AS stats_from_us,
        CAST($half_life_days AS DOUBLE)                                                  AS half_life_days,
        CAST($z AS DOUBLE)                                                               AS z
),

-- §1 validity, for the messages either window can use.
-- A blank page_name is empty or made only of Java white space (Character.isWhitespace).
valid AS (
    SELECT
        m.rowid                                 AS rid,
        m.message_id,
        m.page_name,
        m.caption_id,
        m.message,
        epoch_us(m.sending_time)                AS send_us,
        m.earnings,
        m.viewed_count,
        m.purchased_count,
        m.earnings / m.sent_count               AS emv        -- §2.1 EMV = earnings / sent_count
    FROM mass_messages AS m
    CROSS JOIN params AS p
    WHERE m.page_name IS NOT NULL
      AND NOT regexp_full_match(m.page_name,
            '[\t\n\x0B\f\r\x1C-\x20\x{1680}\x{2000}-\x{2006}\x{2008}-\x{200A}\x{2028}\x{2029}\x{205F}\x{3000}]*')
      AND m.sending_time IS NOT NULL
      AND epoch_us(m.sending_time) <= p.as_of_us + 3600000000
      AND m.sent_count >= 1
      AND m.viewed_count >= 0 AND m.viewed_count <= m.sent_count
      AND m.purchased_count >= 0 AND m.purchased_count <= m.viewed_count
      AND isfinite(m.earnings) AND m.earnings >= 0
      AND (m.price IS NULL OR (isfinite(m.price) AND m.price >= 0))
      AND epoch_us(m.sending_time) >= least(p.median_from_us, p.stats_from_us)
      AND epoch_us(m.sending_time) < p.as_of_us
),

-- §2.3 normalised caption texts: trim (every char <= U+0020, as Java's String.trim), lower case,
-- runs of Java \s ([ \t\n\x0B\f\r]) -> one space.
bank AS (
    SELECT DISTINCT
        b.caption_id,
        b.page_name AS owner_page,
        regexp_replace(lower(regexp_replace(b.caption_text, '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g')),
                       '[ \t\n\x0B\f\r]+', ' ', 'g') AS norm_text
    FROM caption_bank AS b
    WHERE b.caption_id IS NOT NULL AND b.caption_text IS NOT NULL
),

uncaptioned AS (
    SELECT
        v.rid,
        v.page_name,
        regexp_replace(lower(regexp_replace(v.message, '^[\x00-\x20]+|[\x00-\x20]+$', '', 'g')),
                       '[ \t\n\x0B\f\r]+', ' ', 'g') AS norm_text
    FROM valid AS v
    WHERE v.caption_id IS NULL AND v.message IS NOT NULL
),

text_matches AS (
    SELECT u.rid, count(DISTINCT k.caption_id) AS candidates, min(k.caption_id) AS only_caption
    FROM uncaptioned AS u
    JOIN bank AS k
      ON k.norm_text = u.norm_text
     AND (k.owner_page IS NULL OR k.owner_page = u.page_name)
    GROUP BY u.rid
),

-- The caption each valid message counts for: its own, the single text match, or none.
counted AS (
    SELECT
        v.*,
        coalesce(v.caption_id, CASE WHEN t.candidates = 1 THEN t.only_caption END) AS counted_caption
    FROM valid AS v
    LEFT JOIN text_matches AS t ON t.rid = v.rid
),

-- §2.2 exact page median over every valid message of the median window (captioned or not).
page_median AS (
    SELECT c.page_name, median(c.emv) AS median_emv
    FROM counted AS c
    CROSS JOIN params AS p
    WHERE c.send_us >= p.median_from_us AND c.send_us < p.as_of_us
    GROUP BY c.page_name
),

-- §2.4/2.5 observations: attributed valid messages of the stats window of pages with a median.
observations AS (
    SELECT
        c.page_name,
        c.counted_caption AS caption_id,
        c.message_id,
        c.send_us,
        c.emv,
        c.earnings,
        c.viewed_count,
        c.purchased_count,
        c.emv > pm.median_emv AS success,
        pow(0.5, (CAST(p.as_of_us - c.send_us AS DOUBLE) / 86400000000.0::DOUBLE) / p.half_life_days) AS weight
    FROM counted AS c
    JOIN page_median AS pm ON pm.page_name = c.page_name
    CROSS JOIN params AS p
    WHERE c.counted_caption IS NOT NULL
      AND c.send_us >= p.stats_from_us AND c.send_us < p.as_of_us
),

per_caption AS (
    SELECT
        page_name,
        caption_id,
        count(*) FILTER (WHERE success)                          AS successes,
        count(*) FILTER (WHERE NOT success)                      AS failures,
        count(*)                                                 AS total_observations,
        coalesce(sum(weight) FILTER (WHERE success), 0.0)        AS effective_successes,
        coalesce(sum(weight) FILTER (WHERE NOT success), 0.0)    AS effective_failures,
        sum(emv ORDER BY emv) / count(*)                         AS avg_emv,
        first(emv ORDER BY send_us DESC, message_id DESC NULLS LAST, emv DESC) AS last_emv_observed,
        sum(earnings)                                            AS total_revenue,
        sum(viewed_count)                                        AS viewed,
        sum(purchased_count)                                     AS purchased,
        max(send_us)                                             AS last_used_us
    FROM observations
    GROUP BY page_name, caption_id
),

-- Wilson score interval on the effective counts, written over counts rather than p-hat:
--   bounds = (s + z²/2 ∓ z·sqrt(s·f/n + z²/4)) / (n + z²),  clamped into [0, 1];  (0, 1) when n = 0.
scored AS (
    SELECT
        pc.*,
        pc.effective_successes + pc.effective_failures AS n,
        p.z
    FROM per_caption AS pc
    CROSS JOIN params AS p
),

bounded AS (
    SELECT
        s.*,
        CASE WHEN s.n > 0 THEN
            greatest(0.0, least(1.0,
              (s.effective_successes + s.z * s.z / 2
                 - s.z * sqrt(s.effective_successes * s.effective_failures / s.n + s.z * s.z / 4))
              / (s.n + s.z * s.z)))
        ELSE 0.0 END AS lower_bound,
        CASE WHEN s.n > 0 THEN
            greatest(0.0, least(1.0,
              (s.effective_successes + s.z * s.z / 2
                 + s.z * sqrt(s.effective_successes * s.effective_failures / s.n + s.z * s.z / 4))
              / (s.n + s.z * s.z)))
        ELSE 1.0 END AS upper_bound,
        rank() OVER (PARTITION BY s.page_name ORDER BY s.avg_emv) AS emv_rank,
        count(*) OVER (PARTITION BY s.page_name)                  AS page_captions
    FROM scored AS s
)

SELECT
    b.page_name,
    b.caption_id,
    b.successes,
    b.failures,
    b.total_observations,
    b.effective_successes,
    b.effective_failures,
    b.lower_bound                                             AS confidence_lower_bound,
    b.upper_bound                                             AS confidence_upper_bound,
    1 + b.effective_successes                                 AS posterior_alpha,
    1 + b.effective_failures                                  AS posterior_beta,
    1 / sqrt(b.n + 1)                                         AS exploration_score,
    b.avg_emv,
    b.last_emv_observed,
    b.total_revenue,
    CASE WHEN b.viewed = 0 THEN 0.0 ELSE CAST(b.purchased AS DOUBLE) / b.viewed END AS avg_conversion_rate,
    CASE WHEN b.page_captions = 1 THEN 0
         ELSE (100 * (b.emv_rank - 1)) // (b.page_captions - 1) END                AS performance_percentile,
    make_timestamp(b.last_used_us)                                  AS last_used,
    make_timestamp(p.as_of_us)                                      AS last_updated
FROM bounded AS b
CROSS JOIN params AS p
ORDER BY b.page_name, b.caption_id
