--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: assessment_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessment_history (
    experiment text NOT NULL,
    assessment_id text NOT NULL,
    trace_id text NOT NULL,
    name text NOT NULL,
    name_key text NOT NULL,
    value text NOT NULL,
    rationale text,
    source_type text NOT NULL,
    source_id text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    rated_content text,
    superseded_at bigint NOT NULL
);


--
-- Name: assessments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessments (
    experiment text NOT NULL,
    assessment_id text NOT NULL,
    trace_id text NOT NULL,
    name text NOT NULL,
    name_key text NOT NULL,
    value text NOT NULL,
    rationale text,
    source_type text NOT NULL,
    source_id text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    rated_content text
);


--
-- Name: eval_results; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.eval_results (
    run_id text NOT NULL,
    trace_id text NOT NULL,
    judge_name text NOT NULL,
    value text,
    rationale text,
    error_kind text,
    error text,
    model text,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    latency_ms double precision NOT NULL,
    created_at bigint NOT NULL,
    retrieved text,
    redacted integer DEFAULT 0 NOT NULL
);


--
-- Name: eval_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.eval_runs (
    run_id text NOT NULL,
    experiment text NOT NULL,
    name text NOT NULL,
    created_at bigint NOT NULL,
    settings text NOT NULL
);


--
-- Name: experiments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.experiments (
    name text NOT NULL,
    created_at bigint NOT NULL
);


--
-- Name: judge_examples; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.judge_examples (
    experiment text NOT NULL,
    name text NOT NULL,
    version integer NOT NULL,
    ordinal integer NOT NULL,
    example_id text NOT NULL,
    trace_id text NOT NULL,
    value text NOT NULL,
    rationale text,
    fields text NOT NULL,
    embedded_field text NOT NULL,
    vector bytea NOT NULL,
    fingerprint text NOT NULL,
    distilled integer NOT NULL
);


--
-- Name: judge_guideline_sources; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.judge_guideline_sources (
    experiment text NOT NULL,
    name text NOT NULL,
    version integer NOT NULL,
    ordinal integer NOT NULL,
    trace_id text NOT NULL
);


--
-- Name: judge_guidelines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.judge_guidelines (
    experiment text NOT NULL,
    name text NOT NULL,
    version integer NOT NULL,
    ordinal integer NOT NULL,
    text text NOT NULL,
    user_written integer NOT NULL
);


--
-- Name: judges; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.judges (
    experiment text NOT NULL,
    name text NOT NULL,
    version integer NOT NULL,
    created_at bigint NOT NULL,
    definition text NOT NULL,
    settings text NOT NULL,
    embedding_model text NOT NULL,
    embedding_dimensions integer NOT NULL,
    retrieval_k integer NOT NULL,
    base_version integer
);


--
-- Name: label_session_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.label_session_items (
    experiment text NOT NULL,
    session text NOT NULL,
    "position" integer NOT NULL,
    trace_id text NOT NULL
);


--
-- Name: label_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.label_sessions (
    experiment text NOT NULL,
    name text NOT NULL,
    judge text NOT NULL,
    filter text,
    reviewers text NOT NULL,
    labels_per_trace integer NOT NULL,
    queue_order text NOT NULL,
    created_at bigint NOT NULL
);


--
-- Name: memalign_schema; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.memalign_schema (
    version integer NOT NULL
);


--
-- Name: trace_tags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.trace_tags (
    experiment text NOT NULL,
    trace_id text NOT NULL,
    tag_key text NOT NULL,
    tag_value text NOT NULL
);


--
-- Name: traces; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.traces (
    experiment text NOT NULL,
    trace_id text NOT NULL,
    inputs text,
    outputs text,
    expectations text,
    metadata text NOT NULL,
    created_at bigint NOT NULL,
    content_hash text
);


--
-- Data for Name: assessment_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.assessment_history VALUES ('default', 'imp-c311abf4e5636dcdd4ab5ab4', 'fx-02', 'helpfulness', 'helpfulness', 'true', 'ann on fx-02: helpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, 'F41054878437C2B237FBF176FE2D8482', 639319967973959993);
INSERT INTO public.assessment_history VALUES ('default', 'imp-464373eec6a0dba54850e3e6', 'fx-06', 'helpfulness', 'helpfulness', 'false', 'ann on fx-06: unhelpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, 'C0B197FD097D97EC038ED7B8C788F328', 639319967974036201);
INSERT INTO public.assessment_history VALUES ('default', 'imp-531e917820b523e27594a413', 'fx-11', 'helpfulness', 'helpfulness', 'false', 'ann on fx-11: unhelpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, '64221C16AA108CD84ADCB6A78C977A23', 639319967974050469);


--
-- Data for Name: assessments; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.assessments VALUES ('default', 'imp-101b98e1bc50ebcf25ca82eb', 'fx-01', 'helpfulness', 'helpfulness', 'true', 'ann on fx-01: helpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, 'B3879D88F39196DD0FFDADB59021C800');
INSERT INTO public.assessments VALUES ('default', 'imp-bc77912ca62beda1bbc2f052', 'fx-01', 'helpfulness', 'helpfulness', 'true', 'bob on fx-01.', 'HUMAN', 'bob', 639055404000000000, 639055404000000000, 'B3879D88F39196DD0FFDADB59021C800');
INSERT INTO public.assessments VALUES ('default', 'imp-7d800bda7f80e8c76033d2c9', 'fx-03', 'helpfulness', 'helpfulness', 'false', 'ann on fx-03: unhelpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, 'FCF8BCD1E9F19E767C83EB6F6DEC4740');
INSERT INTO public.assessments VALUES ('default', 'imp-909d96f7aae8c76af41aeaf4', 'fx-03', 'helpfulness', 'helpfulness', 'false', 'bob on fx-03.', 'HUMAN', 'bob', 639055404000000000, 639055404000000000, 'FCF8BCD1E9F19E767C83EB6F6DEC4740');
INSERT INTO public.assessments VALUES ('default', 'imp-241fa62939a72e675fa983bf', 'fx-04', 'helpfulness', 'helpfulness', 'false', 'ann on fx-04: unhelpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, '0493FAD85E5396586DA7B232199D411A');
INSERT INTO public.assessments VALUES ('default', 'imp-5449391050082d4022655273', 'fx-07', 'helpfulness', 'helpfulness', 'true', 'ann on fx-07: helpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, '31114BDC6E5ADBA9AAA7D18BA5E5905A');
INSERT INTO public.assessments VALUES ('default', 'imp-fae2fdd1ccf9334651e8e091', 'fx-07', 'helpfulness', 'helpfulness', 'true', 'bob on fx-07.', 'HUMAN', 'bob', 639055404000000000, 639055404000000000, '31114BDC6E5ADBA9AAA7D18BA5E5905A');
INSERT INTO public.assessments VALUES ('default', 'imp-efcd5f75af0b21b37ea80be0', 'fx-08', 'helpfulness', 'helpfulness', 'true', 'ann on fx-08: helpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, '4AF4CF57AFCFCA6E2D5AABD748D290EA');
INSERT INTO public.assessments VALUES ('default', 'imp-ca690929bbcb622eb9eb4129', 'fx-09', 'helpfulness', 'helpfulness', 'true', 'ann on fx-09: helpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, 'B453AE12C474FD6E5B142E1B81AEB9DD');
INSERT INTO public.assessments VALUES ('default', 'imp-72c266851c443e22c754992a', 'fx-09', 'helpfulness', 'helpfulness', 'true', 'bob on fx-09.', 'HUMAN', 'bob', 639055404000000000, 639055404000000000, 'B453AE12C474FD6E5B142E1B81AEB9DD');
INSERT INTO public.assessments VALUES ('default', 'imp-fe2f81c0cc1ce79c06e4ac71', 'fx-10', 'helpfulness', 'helpfulness', 'true', 'ann on fx-10: helpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, 'B1ABAFEAC93559F75EEB3D1C600C24F1');
INSERT INTO public.assessments VALUES ('default', 'imp-f636a9176154462c48d03b3a', 'fx-11', 'helpfulness', 'helpfulness', 'false', 'bob on fx-11.', 'HUMAN', 'bob', 639055404000000000, 639055404000000000, '64221C16AA108CD84ADCB6A78C977A23');
INSERT INTO public.assessments VALUES ('default', 'imp-13a6d19ce829d0044198b6b2', 'fx-12', 'helpfulness', 'helpfulness', 'false', 'ann on fx-12: unhelpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, 'CA678F47C900E6ECB9936CDDA496ED36');
INSERT INTO public.assessments VALUES ('default', 'imp-18b5e0c6a7eb4f07061574f7', 'fx-13', 'helpfulness', 'helpfulness', 'true', 'ann on fx-13: helpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, 'DD5B065F5C81DFA9070FE06B1AFB60BF');
INSERT INTO public.assessments VALUES ('default', 'imp-bf91f80642ad33c53a0d7476', 'fx-13', 'helpfulness', 'helpfulness', 'false', 'bob on fx-13.', 'HUMAN', 'bob', 639055404000000000, 639055404000000000, 'DD5B065F5C81DFA9070FE06B1AFB60BF');
INSERT INTO public.assessments VALUES ('default', 'imp-8353e6b2cd2a8f52e20adc7a', 'fx-14', 'helpfulness', 'helpfulness', 'false', 'ann on fx-14: unhelpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, '1878DBDD2E97609735F3E69EAFB2BF79');
INSERT INTO public.assessments VALUES ('default', 'imp-c311abf4e5636dcdd4ab5ab4', 'fx-02', 'helpfulness', 'helpfulness', 'true', 'ann on fx-02, second look: still helpful, clearer now.', 'HUMAN', 'ann', 639055368000000000, 639057060000000000, 'F41054878437C2B237FBF176FE2D8482');
INSERT INTO public.assessments VALUES ('default', 'imp-464373eec6a0dba54850e3e6', 'fx-06', 'helpfulness', 'helpfulness', 'false', 'ann on fx-06, second look: still unhelpful, clearer now.', 'HUMAN', 'ann', 639055368000000000, 639057060000000000, 'C0B197FD097D97EC038ED7B8C788F328');
INSERT INTO public.assessments VALUES ('default', 'imp-531e917820b523e27594a413', 'fx-11', 'helpfulness', 'helpfulness', 'false', 'ann on fx-11, second look: still unhelpful, clearer now.', 'HUMAN', 'ann', 639055368000000000, 639057060000000000, '64221C16AA108CD84ADCB6A78C977A23');


--
-- Data for Name: eval_results; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-02', 'helpfulness', 'true', 'Local judge (no model): P(true)=0.73 from 5 similar example(s) (prior 0.55; prior weight 1): fx-02 (true, similarity 1.00), fx-01 (true, similarity 0.13), fx-01 (true, similarity 0.13), fx-06 (false, similarity 0.11), fx-03 (false, similarity 0.11).', NULL, NULL, 'memalign-local-judge', 0, 0, 1756.2675, 639319968043678127, '["fx-02","fx-01","fx-01","fx-06","fx-03"]', 0);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-01', 'helpfulness', 'true', 'Local judge (no model): P(true)=0.73 from 5 similar example(s) (prior 0.55; prior weight 1): fx-01 (true, similarity 1.00), fx-01 (true, similarity 1.00), fx-03 (false, similarity 0.28), fx-03 (false, similarity 0.28), fx-07 (true, similarity 0.24).', NULL, NULL, 'memalign-local-judge', 0, 0, 1756.3155, 639319968043678036, '["fx-01","fx-01","fx-03","fx-03","fx-07"]', 0);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-09', 'helpfulness', 'true', 'Local judge (no model): P(true)=0.74 from 5 similar example(s) (prior 0.55; prior weight 1): fx-07 (true, similarity 0.44), fx-07 (true, similarity 0.44), fx-01 (true, similarity 0.22), fx-01 (true, similarity 0.22), fx-03 (false, similarity 0.20).', NULL, NULL, 'memalign-local-judge', 0, 0, 50.9142, 639319968044231524, '["fx-07","fx-07","fx-01","fx-01","fx-03"]', 0);
INSERT INTO public.eval_results VALUES ('run-7dddbd16615d', 'fx-09', 'helpfulness', 'true', 'Local judge (no model): P(true)=0.74 from 5 similar example(s) (prior 0.55; prior weight 1): fx-07 (true, similarity 0.44), fx-07 (true, similarity 0.44), fx-01 (true, similarity 0.22), fx-01 (true, similarity 0.22), fx-03 (false, similarity 0.20).', NULL, NULL, 'memalign-local-judge', 0, 0, 1295.6698, 639319968069942591, '["fx-07","fx-07","fx-01","fx-01","fx-03"]', 0);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-03', 'helpfulness', 'false', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1756.2448, 639319968043677899, '["fx-03","fx-03","fx-07","fx-07"]', 1);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-06', 'helpfulness', 'false', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1691.1971, 639319968043998884, '["fx-06","fx-03","fx-03","fx-08"]', 1);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-07', 'helpfulness', 'true', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1696.8305, 639319968044055723, '["fx-07","fx-07","fx-03","fx-03"]', 1);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-08', 'helpfulness', 'true', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1703.457, 639319968044122220, '["fx-08","fx-06","fx-03","fx-03"]', 1);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-04', 'helpfulness', 'false', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1708.2977, 639319968044172442, '["fx-04","fx-06","fx-07","fx-07"]', 1);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-10', 'helpfulness', 'false', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 55.1866, 639319968044288769, '["fx-03","fx-03","fx-01","fx-01"]', 1);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-11', 'helpfulness', 'false', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 61.6873, 639319968044359440, '["fx-08","fx-06","fx-03","fx-03"]', 1);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-12', 'helpfulness', 'false', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 51.9944, 639319968044442555, '["fx-07","fx-07","fx-03","fx-03"]', 1);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-13', 'helpfulness', 'false', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 52.6528, 639319968044526220, '["fx-07","fx-07","fx-03","fx-03"]', 1);
INSERT INTO public.eval_results VALUES ('run-30532a81841a', 'fx-14', 'helpfulness', 'true', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 53.9671, 639319968044596018, '["fx-01","fx-01","fx-08","fx-03"]', 1);
INSERT INTO public.eval_results VALUES ('run-7dddbd16615d', 'fx-10', 'helpfulness', 'false', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1294.6754, 639319968069942576, '["fx-03","fx-03","fx-01","fx-01"]', 1);


--
-- Data for Name: eval_runs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.eval_runs VALUES ('run-30532a81841a', 'default', 'evaluate helpfulness@2', 639319968025601784, '{"judge":"helpfulness","version":"2","judges":"helpfulness"}');
INSERT INTO public.eval_runs VALUES ('run-7dddbd16615d', 'default', 'evaluate helpfulness@2', 639319968056576610, '{"judge":"helpfulness","version":"2","judges":"helpfulness"}');
INSERT INTO public.eval_runs VALUES ('run-b6cc60d62555', 'default', 'experiment helpfulness@2', 639319968106014234, '{"experiment_report":"{\u0022JudgeName\u0022:\u0022helpfulness\u0022,\u0022Folds\u0022:2,\u0022Design\u0022:\u0022CrossValidation\u0022,\u0022TrainSet\u0022:null,\u0022TestSet\u0022:null,\u0022TrainTraces\u0022:14,\u0022TestTraces\u0022:14,\u0022Baseline\u0022:\u0022the majority class of the training labels (the local judge has no model: without memory it has nothing to vote with)\u0022,\u0022Offline\u0022:true,\u0022MajorityLabel\u0022:\u0022false\u0022,\u0022HumanAgreement\u0022:{\u0022JudgeName\u0022:\u0022helpfulness\u0022,\u0022LabelledTraces\u0022:14,\u0022MultiplyLabelledTraces\u0022:7,\u0022Reviewers\u0022:2,\u0022Statistics\u0022:{\u0022Items\u0022:7,\u0022ItemsUsed\u0022:7,\u0022Raters\u0022:2,\u0022Ratings\u0022:14,\u0022RaterPairs\u0022:1,\u0022RaterPairsUsed\u0022:1,\u0022Pairs\u0022:[{\u0022FirstRater\u0022:\u0022ann\u0022,\u0022SecondRater\u0022:\u0022bob\u0022,\u0022SharedItems\u0022:7,\u0022Kappa\u0022:0.4615384615384616}],\u0022MeanCohensKappa\u0022:0.4615384615384616,\u0022MeanCohensKappaInterval\u0022:{\u0022Estimate\u0022:0.4615384615384616,\u0022Lower\u0022:0,\u0022Upper\u0022:1,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022FleissKappa\u0022:0.4166666666666668,\u0022FleissKappaInterval\u0022:{\u0022Estimate\u0022:0.4166666666666668,\u0022Lower\u0022:-0.4285714285714286,\u0022Upper\u0022:1,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022AlphaNominal\u0022:0.45833333333333337,\u0022AlphaNominalInterval\u0022:{\u0022Estimate\u0022:0.45833333333333337,\u0022Lower\u0022:-0.3265306122448979,\u0022Upper\u0022:1,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022AlphaOrdinal\u0022:null,\u0022AlphaOrdinalInterval\u0022:null,\u0022AlphaInterval\u0022:null,\u0022AlphaIntervalInterval\u0022:null},\u0022CheckStatistic\u0022:\u0022Krippendorff\\u0027s alpha (nominal)\u0022,\u0022CheckValue\u0022:0.45833333333333337,\u0022CheckInterval\u0022:{\u0022Estimate\u0022:0.45833333333333337,\u0022Lower\u0022:-0.3265306122448979,\u0022Upper\u0022:1,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022MostDisagreed\u0022:[{\u0022TraceId\u0022:\u0022[forgotten trace]\u0022,\u0022Labels\u0022:{\u0022ann\u0022:\u0022true\u0022,\u0022bob\u0022:\u0022false\u0022},\u0022Disagreement\u0022:0.5},{\u0022TraceId\u0022:\u0022fx-13\u0022,\u0022Labels\u0022:{\u0022ann\u0022:\u0022true\u0022,\u0022bob\u0022:\u0022false\u0022},\u0022Disagreement\u0022:0.5}],\u0022IsMeasured\u0022:true},\u0022LabelRule\u0022:\u0022majority (ties to the most recent label)\u0022,\u0022LabelResolution\u0022:{\u0022SingleLabel\u0022:7,\u0022Unanimous\u0022:5,\u0022Majority\u0022:0,\u0022TiesToMostRecent\u0022:2,\u0022Adjudicated\u0022:0,\u0022DroppedTies\u0022:0,\u0022DroppedDisagreements\u0022:0,\u0022MultiplyLabelled\u0022:7,\u0022Disagreements\u0022:2},\u0022LearningCurveRepeats\u0022:3,\u0022Findings\u0022:[\u0022Offline: the verdicts come from the local judge (a vote of the aligned examples most similar to each trace, no LLM); the figures show the workflow and the data, not what a model would score.\u0022,\u0022Baseline: the majority class of the training labels (the local judge has no model: without memory it has nothing to vote with).\u0022,\u0022Majority reference: always answering \\u0027false\\u0027 scores accuracy 0.571 (kappa 0); the aligned judge\\u0027s 0.643 is not significantly different from it (difference \\u002B0.071, 95% CI -0.214 to 0.357).\u0022,\u0022Human-human agreement: Cohen\\u0027s kappa (mean over pairs of experts) 0.462 (95% CI 0.000 to 1.000) among 2 reviewer(s) on 7 trace(s) labelled more than once; the aligned judge\\u0027s kappa with the experts\\u0027 label, 0.255, is within the human band.\u0022,\u0022Labels: 7 trace(s) carry several human labels; rule majority (ties to the most recent label): 7 single-label, 5 unanimous, 0 by majority, 2 ties to the most recent, 0 adjudicated, 0 ties dropped, 0 disagreements dropped.\u0022],\u0022ComparableRows\u0022:14,\u0022BaselineRows\u0022:14,\u0022AlignedRows\u0022:14,\u0022NotApplicableRows\u0022:0,\u0022ErrorRows\u0022:0,\u0022Metrics\u0022:[{\u0022Name\u0022:\u0022accuracy\u0022,\u0022LowerIsBetter\u0022:false,\u0022Baseline\u0022:{\u0022Estimate\u0022:0.5714285714285714,\u0022Lower\u0022:0.2857142857142857,\u0022Upper\u0022:0.7857142857142857,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:true},\u0022Aligned\u0022:{\u0022Estimate\u0022:0.6428571428571429,\u0022Lower\u0022:0.35714285714285715,\u0022Upper\u0022:0.8571428571428571,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:true},\u0022Difference\u0022:{\u0022Estimate\u0022:0.07142857142857151,\u0022Lower\u0022:-0.21428571428571436,\u0022Upper\u0022:0.3571428571428572,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022Majority\u0022:{\u0022Estimate\u0022:0.5714285714285714,\u0022Lower\u0022:0.2857142857142857,\u0022Upper\u0022:0.7857142857142857,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:true},\u0022VersusMajority\u0022:{\u0022Estimate\u0022:0.07142857142857151,\u0022Lower\u0022:-0.21428571428571436,\u0022Upper\u0022:0.3571428571428572,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022BelowMajority\u0022:false,\u0022IsSignificant\u0022:false,\u0022Improved\u0022:true},{\u0022Name\u0022:\u0022Cohen\\u0027s kappa\u0022,\u0022LowerIsBetter\u0022:false,\u0022Baseline\u0022:{\u0022Estimate\u0022:0,\u0022Lower\u0022:0,\u0022Upper\u0022:0,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022Aligned\u0022:{\u0022Estimate\u0022:0.2553191489361703,\u0022Lower\u0022:-0.2857142857142857,\u0022Upper\u0022:0.7142857142857142,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022Difference\u0022:{\u0022Estimate\u0022:0.2553191489361703,\u0022Lower\u0022:-0.2857142857142857,\u0022Upper\u0022:0.7142857142857142,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022Majority\u0022:{\u0022Estimate\u0022:0,\u0022Lower\u0022:0,\u0022Upper\u0022:0,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022VersusMajority\u0022:{\u0022Estimate\u0022:0.2553191489361703,\u0022Lower\u0022:-0.2857142857142857,\u0022Upper\u0022:0.7142857142857142,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022BelowMajority\u0022:false,\u0022IsSignificant\u0022:false,\u0022Improved\u0022:true}],\u0022Ablations\u0022:{\u0022baseline\u0022:0.5714285714285714,\u0022semantic only\u0022:null,\u0022episodic only\u0022:0.6428571428571429,\u0022aligned\u0022:0.6428571428571429},\u0022LearningCurve\u0022:[{\u0022Examples\u0022:0,\u0022Value\u0022:0.5714285714285714,\u0022Lower\u0022:0.5714285714285714,\u0022Upper\u0022:0.5714285714285714,\u0022Kappa\u0022:0,\u0022KappaLower\u0022:0,\u0022KappaUpper\u0022:0,\u0022Repeats\u0022:[0.5714285714285714,0.5714285714285714,0.5714285714285714],\u0022Labels\u0022:{}},{\u0022Examples\u0022:2,\u0022Value\u0022:0.4523809523809524,\u0022Lower\u0022:0.35714285714285715,\u0022Upper\u0022:0.5714285714285714,\u0022Kappa\u0022:-0.04937261320240046,\u0022KappaLower\u0022:-0.34042553191489366,\u0022KappaUpper\u0022:0.1923076923076923,\u0022Repeats\u0022:[0.35714285714285715,0.42857142857142855,0.5714285714285714],\u0022Labels\u0022:{\u0022true\u0022:2,\u0022false\u0022:2}},{\u0022Examples\u0022:5,\u0022Value\u0022:0.5952380952380952,\u0022Lower\u0022:0.5,\u0022Upper\u0022:0.7142857142857143,\u0022Kappa\u0022:0.11636715997181117,\u0022KappaLower\u0022:-0.1395348837209304,\u0022KappaUpper\u0022:0.36363636363636376,\u0022Repeats\u0022:[0.5,0.7142857142857143,0.5714285714285714],\u0022Labels\u0022:{\u0022true\u0022:4,\u0022false\u0022:6}}],\u0022FoldDetails\u0022:[{\u0022Index\u0022:0,\u0022TrainTraceIds\u0022:[\u0022fx-04\u0022,\u0022fx-03\u0022,\u0022fx-06\u0022,\u0022fx-13\u0022,\u0022fx-02\u0022,\u0022fx-01\u0022,\u0022fx-07\u0022],\u0022TestTraceIds\u0022:[\u0022fx-12\u0022,\u0022[forgotten trace]\u0022,\u0022fx-11\u0022,\u0022fx-14\u0022,\u0022fx-08\u0022,\u0022fx-10\u0022,\u0022fx-09\u0022],\u0022MemoryTraceIds\u0022:[\u0022fx-01\u0022,\u0022fx-02\u0022,\u0022fx-03\u0022,\u0022fx-04\u0022,\u0022fx-06\u0022,\u0022fx-07\u0022,\u0022fx-13\u0022]},{\u0022Index\u0022:1,\u0022TrainTraceIds\u0022:[\u0022fx-12\u0022,\u0022[forgotten trace]\u0022,\u0022fx-11\u0022,\u0022fx-14\u0022,\u0022fx-08\u0022,\u0022fx-10\u0022,\u0022fx-09\u0022],\u0022TestTraceIds\u0022:[\u0022fx-04\u0022,\u0022fx-03\u0022,\u0022fx-06\u0022,\u0022fx-13\u0022,\u0022fx-02\u0022,\u0022fx-01\u0022,\u0022fx-07\u0022],\u0022MemoryTraceIds\u0022:[\u0022[forgotten trace]\u0022,\u0022fx-08\u0022,\u0022fx-09\u0022,\u0022fx-10\u0022,\u0022fx-11\u0022,\u0022fx-12\u0022,\u0022fx-14\u0022]}],\u0022Cost\u0022:{\u0022ModelCalls\u0022:0,\u0022Usage\u0022:{\u0022InputTokens\u0022:0,\u0022OutputTokens\u0022:0,\u0022TotalTokens\u0022:0},\u0022Elapsed\u0022:\u002200:00:02.5763047\u0022},\u0022Primary\u0022:{\u0022Name\u0022:\u0022accuracy\u0022,\u0022LowerIsBetter\u0022:false,\u0022Baseline\u0022:{\u0022Estimate\u0022:0.5714285714285714,\u0022Lower\u0022:0.2857142857142857,\u0022Upper\u0022:0.7857142857142857,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:true},\u0022Aligned\u0022:{\u0022Estimate\u0022:0.6428571428571429,\u0022Lower\u0022:0.35714285714285715,\u0022Upper\u0022:0.8571428571428571,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:true},\u0022Difference\u0022:{\u0022Estimate\u0022:0.07142857142857151,\u0022Lower\u0022:-0.21428571428571436,\u0022Upper\u0022:0.3571428571428572,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022Majority\u0022:{\u0022Estimate\u0022:0.5714285714285714,\u0022Lower\u0022:0.2857142857142857,\u0022Upper\u0022:0.7857142857142857,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:true},\u0022VersusMajority\u0022:{\u0022Estimate\u0022:0.07142857142857151,\u0022Lower\u0022:-0.21428571428571436,\u0022Upper\u0022:0.3571428571428572,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022BelowMajority\u0022:false,\u0022IsSignificant\u0022:false,\u0022Improved\u0022:true},\u0022Kappa\u0022:{\u0022Name\u0022:\u0022Cohen\\u0027s kappa\u0022,\u0022LowerIsBetter\u0022:false,\u0022Baseline\u0022:{\u0022Estimate\u0022:0,\u0022Lower\u0022:0,\u0022Upper\u0022:0,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022Aligned\u0022:{\u0022Estimate\u0022:0.2553191489361703,\u0022Lower\u0022:-0.2857142857142857,\u0022Upper\u0022:0.7142857142857142,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022Difference\u0022:{\u0022Estimate\u0022:0.2553191489361703,\u0022Lower\u0022:-0.2857142857142857,\u0022Upper\u0022:0.7142857142857142,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022Majority\u0022:{\u0022Estimate\u0022:0,\u0022Lower\u0022:0,\u0022Upper\u0022:0,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022VersusMajority\u0022:{\u0022Estimate\u0022:0.2553191489361703,\u0022Lower\u0022:-0.2857142857142857,\u0022Upper\u0022:0.7142857142857142,\u0022Level\u0022:0.95,\u0022ExcludesZero\u0022:false},\u0022BelowMajority\u0022:false,\u0022IsSignificant\u0022:false,\u0022Improved\u0022:true}}","forgotten_traces":"1"}');


--
-- Data for Name: experiments; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.experiments VALUES ('default', 639319967964323798);


--
-- Data for Name: judge_examples; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 0, 'imp-101b98e1bc50ebcf25ca82eb', 'fx-01', 'true', 'ann on fx-01: helpful.', '{"inputs":"What are your store hours?","outputs":"We\u0027re open Monday to Friday, 9am to 6pm."}', 'inputs', '\x87547c3ccb562f3d9db79e3b443c5e3d4942f5bbc09445bcc2a8eabb91fce9bb9ad811baad755f3b9c788bba633796bcb6f78b396526e4ba98d2443de3afb2bc2e8a563d248324bddff386bd82253cbd81c2e8ba3a63d8bb0aa6a73c93c8af3c898dc33c8bbc3b3ddf91f6bcc6584e3d233eff3b7fef2abdf9754dbd320b52bdb702b03dc656053d6316b83c39bf32bcd04f383d6e7a86bd01898c3da87a003cbaae173da3127d3cfb8293bd84ac433dc7f82e3c69ed683cf3bf923c1616a23ca2c84c3d90c4e53d7e5e923d8f01c83d187477bc7d9e0c3dd01eafbc0d0ad33d8bd0463c185fc43c8bc3e03d8b94843df848d53a244fe0bc9cef25bd4e10733dc02150bcad72a3380d7ccebdad724d3d6d5b7abd5910a0bd1b5ae3bd9bd8f8bcdd0d06bdc3d8a73c95eb4b3c6c02c13c6a6a743d2c2890bd29b5e53cb6962bbdc4eebaba29f38dbd056063392d9ed93c60de0f3d0ca359bd41e87c3def47423e2b3e4b3dae6cb1bc6f2d493db414223dd210aabd26d954bd6a3c9bbd57f3febc0c66163de7cf253d9b9e28bb6275fa3cba2ca33c0253943cb6fd2b3d3f4153bc58b8c4bbcef283bd22c447bc18b1eb3dde5387bd20b3cabce09102bdbdb9003c8b291c3d772393bd9f1e423d2abab83d564b7b3c51b202bbe7665b3dcad1cf3bcd0d033dac94be3d2a29943de09d9abd1507cdbd58ce953d13a91ebdb057ab8973f812bd954b96bc1036c2bd9859e03b65aa753d5061a9bd1a70763cc56a29bbf5252f3d6111a73d6ee71abdb585523b58a779bd7ecf17bdfa8eb6baf5a8e83ddfe29b3df136813d9d2d16bd7bf7b1bc79de40bd90fe6bbd2ae475bdaeedfd3c357c21bd010e663b6b608cbc09c6833c3a65e73ddb63f03b9ee9d13d2eaf48bc9c09efbc54418e3da1572b3dea0f31bcb83b053df8f659bc5461a3ba86d78cbd364ccabc7da4a83c8f55a33d44dd07bd70268f3df72e383de94a52bc766c5dbd8f9ef8bcbf43ca3d96c2dfbd96008abb607f45bccf6b593d1df928bd5b1c47bcf01282bcaad9ecbdf7ff46bc52102c3d9600303df8dccc3dcae7fdbc47de95bd53989dbc2e728a3bfb3224bd181844bdd8012d3dd48cce3c21be323dea6bed3c1d95823dfa0265bde368253d72d3d8bc7e318c3cea22683dd9c8a0bd407e22bcfa3e703de14d033d6b3b293de68e3a3d29e6babca56a2ebc4047bebcc2b26a3c38e8d7bccc2fb2bcc739b8bd2b5e27bc7ed47e3d4dffa5bcf3e4a5bdea43ae09b112c63da37f87bd53760ebd3f788b3d7d227cbd9dac713b903e37bdb7cdf23dc98061bb6d62f83c2ad828bd702737bc3fa37d3dca6921bdadf11c3cc14e413cf73fb53da419d03c4458833db9806cbd144de43c459f9dbc35adcfbcf40fae3cc2ba283d5641013d29c6c13b761b233b1d2b95bd90cdf8bb16bfa9bd1f7480bdf74788b9d845953d2b1814bd475144bdd30d7bbde42ea33d59b0103db05cad3cd53b92bb605212bdc60cdbbc29f5763d9072bebc9a8bbd3d5b67e1bc2c9bb7bd5e5ab0bc1b23efbc886853bd758cfebc144129bd15e0afbd9a4b71bc2ae9f23b5cac503d54f912bd0f1c26bd8729153c93cca43d3fe5fe3cc6f9993a0e44f73c51e4d1bc9fc0163c788c653d5b04d7bcf9dcbd3cb8b897bc7aba773a6182003d77cf3dbc241229bd35d120be6fe191bcff089c3df91202bc39b83cbd3da4083cace993bd3dbb7abc0208273df11cc1bc6d1faebdc0b592bc2d653c3ddb512f3d5c76b93c71a61abd259ca83cf0f9e23d0cecc5bddb442c3d7d8b6e3bfc2f6cb22beb923d0636e53c0f899dbbad1ec6bcfa1b513de6aa53bdf6e7553d7b52f33a4ea14c3d71862b3c3771ee3d567a7abde72f84bd1e8aefbc578dabbc36ee1fbd5109f63cdc333a3cfb09723cc6d538bbbb081a3d2927843dc40b153d0f1d91bc3fb9ab3c3703933c1cca303dcfc5303d04ddd03c6c999f3d9e996c3d1563363db81853bdf6e63fbd57879cbd730cf4bd8bd884bdfd2f5abd7f1a76bdc614a23de2a0b93ce166c2bd0f02b9bd2bb838bdf9dd093ddbbff93c49a953bcd2a8923cb2b9a33c5b4f323db84710bc342c09bcc314393d3a21ccbd37db253da7e555bcc60f113d8663a6bdf6e1fd3cc448f2bccda7fe3cf2f086bd033fb2bd6049b3bc', '016F563028BDFE7E60AF11046D92592A', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 1, 'imp-bc77912ca62beda1bbc2f052', 'fx-01', 'true', 'bob on fx-01.', '{"inputs":"What are your store hours?","outputs":"We\u0027re open Monday to Friday, 9am to 6pm."}', 'inputs', '\x87547c3ccb562f3d9db79e3b443c5e3d4942f5bbc09445bcc2a8eabb91fce9bb9ad811baad755f3b9c788bba633796bcb6f78b396526e4ba98d2443de3afb2bc2e8a563d248324bddff386bd82253cbd81c2e8ba3a63d8bb0aa6a73c93c8af3c898dc33c8bbc3b3ddf91f6bcc6584e3d233eff3b7fef2abdf9754dbd320b52bdb702b03dc656053d6316b83c39bf32bcd04f383d6e7a86bd01898c3da87a003cbaae173da3127d3cfb8293bd84ac433dc7f82e3c69ed683cf3bf923c1616a23ca2c84c3d90c4e53d7e5e923d8f01c83d187477bc7d9e0c3dd01eafbc0d0ad33d8bd0463c185fc43c8bc3e03d8b94843df848d53a244fe0bc9cef25bd4e10733dc02150bcad72a3380d7ccebdad724d3d6d5b7abd5910a0bd1b5ae3bd9bd8f8bcdd0d06bdc3d8a73c95eb4b3c6c02c13c6a6a743d2c2890bd29b5e53cb6962bbdc4eebaba29f38dbd056063392d9ed93c60de0f3d0ca359bd41e87c3def47423e2b3e4b3dae6cb1bc6f2d493db414223dd210aabd26d954bd6a3c9bbd57f3febc0c66163de7cf253d9b9e28bb6275fa3cba2ca33c0253943cb6fd2b3d3f4153bc58b8c4bbcef283bd22c447bc18b1eb3dde5387bd20b3cabce09102bdbdb9003c8b291c3d772393bd9f1e423d2abab83d564b7b3c51b202bbe7665b3dcad1cf3bcd0d033dac94be3d2a29943de09d9abd1507cdbd58ce953d13a91ebdb057ab8973f812bd954b96bc1036c2bd9859e03b65aa753d5061a9bd1a70763cc56a29bbf5252f3d6111a73d6ee71abdb585523b58a779bd7ecf17bdfa8eb6baf5a8e83ddfe29b3df136813d9d2d16bd7bf7b1bc79de40bd90fe6bbd2ae475bdaeedfd3c357c21bd010e663b6b608cbc09c6833c3a65e73ddb63f03b9ee9d13d2eaf48bc9c09efbc54418e3da1572b3dea0f31bcb83b053df8f659bc5461a3ba86d78cbd364ccabc7da4a83c8f55a33d44dd07bd70268f3df72e383de94a52bc766c5dbd8f9ef8bcbf43ca3d96c2dfbd96008abb607f45bccf6b593d1df928bd5b1c47bcf01282bcaad9ecbdf7ff46bc52102c3d9600303df8dccc3dcae7fdbc47de95bd53989dbc2e728a3bfb3224bd181844bdd8012d3dd48cce3c21be323dea6bed3c1d95823dfa0265bde368253d72d3d8bc7e318c3cea22683dd9c8a0bd407e22bcfa3e703de14d033d6b3b293de68e3a3d29e6babca56a2ebc4047bebcc2b26a3c38e8d7bccc2fb2bcc739b8bd2b5e27bc7ed47e3d4dffa5bcf3e4a5bdea43ae09b112c63da37f87bd53760ebd3f788b3d7d227cbd9dac713b903e37bdb7cdf23dc98061bb6d62f83c2ad828bd702737bc3fa37d3dca6921bdadf11c3cc14e413cf73fb53da419d03c4458833db9806cbd144de43c459f9dbc35adcfbcf40fae3cc2ba283d5641013d29c6c13b761b233b1d2b95bd90cdf8bb16bfa9bd1f7480bdf74788b9d845953d2b1814bd475144bdd30d7bbde42ea33d59b0103db05cad3cd53b92bb605212bdc60cdbbc29f5763d9072bebc9a8bbd3d5b67e1bc2c9bb7bd5e5ab0bc1b23efbc886853bd758cfebc144129bd15e0afbd9a4b71bc2ae9f23b5cac503d54f912bd0f1c26bd8729153c93cca43d3fe5fe3cc6f9993a0e44f73c51e4d1bc9fc0163c788c653d5b04d7bcf9dcbd3cb8b897bc7aba773a6182003d77cf3dbc241229bd35d120be6fe191bcff089c3df91202bc39b83cbd3da4083cace993bd3dbb7abc0208273df11cc1bc6d1faebdc0b592bc2d653c3ddb512f3d5c76b93c71a61abd259ca83cf0f9e23d0cecc5bddb442c3d7d8b6e3bfc2f6cb22beb923d0636e53c0f899dbbad1ec6bcfa1b513de6aa53bdf6e7553d7b52f33a4ea14c3d71862b3c3771ee3d567a7abde72f84bd1e8aefbc578dabbc36ee1fbd5109f63cdc333a3cfb09723cc6d538bbbb081a3d2927843dc40b153d0f1d91bc3fb9ab3c3703933c1cca303dcfc5303d04ddd03c6c999f3d9e996c3d1563363db81853bdf6e63fbd57879cbd730cf4bd8bd884bdfd2f5abd7f1a76bdc614a23de2a0b93ce166c2bd0f02b9bd2bb838bdf9dd093ddbbff93c49a953bcd2a8923cb2b9a33c5b4f323db84710bc342c09bcc314393d3a21ccbd37db253da7e555bcc60f113d8663a6bdf6e1fd3cc448f2bccda7fe3cf2f086bd033fb2bd6049b3bc', '016F563028BDFE7E60AF11046D92592A', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 2, 'imp-c311abf4e5636dcdd4ab5ab4', 'fx-02', 'true', 'ann on fx-02, second look: still helpful, clearer now.', '{"inputs":"Thanks for your help!","outputs":"You\u0027re welcome! Let me know if you need anything else."}', 'inputs', '\x5db94dbde26f3bbc14e68ebdedb59cbd940d1b3dfb25633d1f76f4bd402698bdf39c66bd3112babcb8e4e83da46a133cf3f824bd29699d3d3649cf3cb7289f3de954cdbb7b8f813c0ad4273d62597e3d01e7c43dd0ea9ebd5eb94cbde7991f3df70b103d0fff07bd2d23afbdb2de173d70d4bf3d0e503fbd66cc1bbebd52083b860d583de31fd13c85c1b63d893f66bcd92482bc63ea05bd9446a63cc5ac273ce34b453dde168a3db7311a3d013bef3b918f85bde9374a3c26164bbd757afcbc8416a33d4e94483d0a78e13cd1a378bd827f41bde778d23c752de73c8404d1bb0ea051bcb8e552bc4e409a3d97c22d3c6c1f31bdf1672fbdace2cabd86f8663c97981a3c8d63c439d4aacbbdc17e1ebd2363a9bce5c071bd9d5c303d897b843a3c89693cdb4dfe3c8c8a9d3c6ede823c2cf414bcbbdda2bd4857d23caede18bd5981c1bde9ba9c3d08e5963c49fd58bde67d3b3c8cde8bbdc3b3e0bae4dc0d3d2573c93ce99431bd059713bc61ea283df4e65b3dbb7f3bbc2e7db9bd11d4a23d09293a3d07375f3ca43a2cbd6c0d85bd0b5c913cde5313bbb6d25dbc52fcf43d0441863b08a3d6bcd971343cd98cb33d22b8a5bde9b441bd090470bddb7b5bbcd47bd33d6e04d43c2f89fa3c9640b13d14bf9abcc78e633cbd46e13cae861ebb5f4ba23d1e9488bc20e0003dd22c66bd319f9fbd5d7d49bded95ab3ced79058912beb63a36e49e3dad0bd03cc287933d89993b3c059706bc53d38fbce7ce17bcd14bb1bd6871a43c99008cbdc20ea1bd428b4b3ccaa413bd7692c13cc92f6cbdb33fb5bda21fa93c40ca3dbddf85d5bb2dededbc228b2e3de9943fbd1fd622bdeb0783bd077e7cbc1842a53b906ee2bd9e278b3da779333db71766bdfbdfa2bd0e0e04bdc43e54bcbb30c33cc6d7563d712c9b3a01d109bdaaaf7dbbd794f7bc5a251bbc423a983b8600fcbc8e91923c53ffc33db68549bc37588f3d72f3abbae337c83d4658e6bbe2a56dbd7c408b3abd07833cee8d34bd31fab63c2954003cb7f7343d24ee973d82518f3cd2f94cbc94689b3dab8bf2b9fa4f4e3d763277bd92e4083dce35e43dad0185bd86d43cbcbd1e2fbc5cbc083d121145bd95edee3ca2acc73d5e8fa33d6d11debbb25e9c3c974190bdacae85bdce743d3da89ed53d74d02fbd2f5eb3bd85c217bb0f880abd9147c9bddf12bcb9fe55f33ce82125bd6a1569bd420d49bc430453b932fe833bb33df73bdcd1143dd53e83bd45d9f388af26ffbb8864f7bcd60e49bd665e0dbdff0bf13bb34884bb3b9aff3def85d83d15b78f3d7c299ebc4229a93ceb6c6e3cd729e2bdedd7a4bd8867a83cda98903def40d8bc07fc7dbdbf23ce3b27d1a0bb8e34f1bd6a01193daffe4fbdd6c12abc2eef953b06f38e3d7f865c3d0f9dc33b6e8577bd19882cbd796969bdb47f523cfb803dbde2a8623ca5e6a0bd6bb0453d8be44f3deb079ebd1e668d3c195fb83c093d8bbb2c4161bdc4660d3e6968e23d724584bd3496d63cc07dd03dd4184bbdec587abd592be53da7fb73bb87f6f8b9228935bdbd74e3bced858ebc9bbe033d8b773d3da543373d132fd9bc90b08cbd833054bd65c6fc3d9de0093cae7b28bcc1662d3d158cd7bbee7c3f3d5ac9273de733a1bd0208d2bc0e8b4c3bd25ab53d0111c53c53d1cebc47178dbdedca93bddc329e3dfa5ee7bcbaed16bc523f28b9369ddebcb6c7bebbfaf755bdb4aca2bdb18961bb354bcc3b4097a83d92ab6c3d8e56eabc740f3b3ae16886bd1c53353d7fb78b3da974023c1b677e3ba2c7b7b2dbf1973d5cf1313dd0c18c3dad279a3d858f9bbc5e561d3d714f723dbd9017bd4f59523ab7462d3d0dfba0bc260defbc98b15ebcbda3103d034419bd3a453cbd50dac93c429560bc068bbcbc3f5b3dbd6caaacbc261b23bd7c00963d9c20d03cd994653da481413dfc6f313da383373d15f7ebbc2dbd25bd4d26f3bcfe19fcbac54dac3c062965bdbbd7d03cb84c6d3de425a73b205c603dbd2e5abbe56554bddc5e1f3d2295a1bd955622bc649d15bc407b48bd1eccc03ca1a1483c5f0927bde58f5c3da73162bd1918e43c41cc903a1c5c4b3d9c5af1b55358d83cc45239bc3f28c83da9baae3cc9fbe4bb9df0473d87dc793d21cba8bbf54284bc3434ca3c', '365227CEF6D77093CC60F9CD29175570', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 3, 'imp-7d800bda7f80e8c76033d2c9', 'fx-03', 'false', 'ann on fx-03: unhelpful.', '{"inputs":"Can you help me track my order?","outputs":"Figure it out yourself."}', 'inputs', '\x2d25dbbb60773cbd7bc0963ddb17333b6c9f393da577713d92adfcbb0bc582bd912f86bcd02876bc92e6943c4ea0573c3cf5d73cc8384cbda791c1bd90a692bcf12dfe3cb6bb0abdc097c6bd49d2e8bc6f47a9bd1bdb8fbc3228243aa5a22b3d38335bbcf48e133dcb2586bdd8307b3c7d1c8dbdd5a523be6522bebbdfb22fbc66a5903d3c11783db19f6a3d15d1e3bd9ced44bdd9d4d7bd7740623df6cf00bbb5106dbc3f10e0bcdcb8493d6f5c2b3d42ba733b7765653b8db716bd9a949e3d515416bca362a23d421a24bd04e1a8bcbbb511bdd286213d7bd036bd81cd0d3e58147f3d2c4c7bbcd7a23cbd884c40bc091d0a3d02c1e2bc99fd8fbd55d8ed384f8aa4bdae52ccbc95d424bdc6e53a3c24570ebd8a02c43bf93c4b3d3f78113d1cc4723dd167a83df5edac3a710093398ed67e3da26490bcc0b81dbdee307fbdde27abbdc5a9d8bdab8993bdb1d73d3d25e2703db430abbd013d4a3d4e6a603dd86481bbc2e0303c201f1a3df3235f3df9ad233d0bde86bd5a243bbddb351c3d84a42a3d66272c3ce3cb9dbcf1f6a63d1a034e3d0239883df45034bbe506233c204cbe3c7d9963bdf1069ebdb9874e3d7bfd323c12fcbabb2fb389bc462873bb3e67273c45ce80bc188078bb878bd53c1bab96bc5556a93d2cb58c3dfab1e6bdeb9808bc456d3e3d14be9b3b01a56cbdd81172bd7c44b73ddb59d03da995e489f46981bcc19a3ebc907c9d3cab8fafbd5b944e3d172dd5bc38e51dbddfbd38bdbf7f6fbda710353c6a6c88bda8f3883d7f99923c37e40a3d492f8fbdd7d809bd533b873db01a4f3dc9f8a4bc1675debbbe8082bc05dcb3bd5f3321bd866342bc8e6b713d281e893ce6da81bc620e723d67e5523d33c8983cd19d373df6e29ebc9f66843bceea47bd581c8d3b92e82ebd4efe1bbd60b467bd562fbc3cbd1a7fbd252d673c6193a23cb71537bdc0812a3c7f5ddbbdc040c43d715f973b4b528e3c2649dc3dec70bf3c232095bdbdaef2bbf60d28bdb823a23cefcd0abbe8b77bbdb5299d3c82ea9bbd9292213d2b0b79bd45bfc53d4dbf06bd1f6404bce35c78bc5575183d743b02bee68b69bc0634e2bc6274273d7659113d3bd15cbc7af5073dbb5fa93d831efbbbd2be173e4937603d338538bd3db6483c364a6dbdd550a2bd30ac03bd06ddbdbc8638323d8731c63da008dc3c18d0443d6c21b03c62868f3d66cd7fbb7af4f23c3478dfbc9b394b3c2a4c063d29fded3cf4f340bdc9ae8b091c690dbd27ab423d336ea73da7a52abd0998a53d488777bc4c2b7abde961293dae42003d1c19353dfd7acdbcf5492b3d36f6fcbab73edebcc9a7823d5490433d0692a73d769b1abdf57dff3c84fa87bd9d2d8bbdb7ed243bd66fdabccc5565bc9a9ac9bc5ab3da3c955e1b3e988c913b711a4f3ca60b19bdd41d3d3b7745a1bd3789da3c26eaa23daabe7a3bb67797bc42c416bd4fec813d1f566c3ceb603a3da2b565bde5e2c63c551c41bc7fcdde3c10ec31bd5d4ca1bd98ffc53aae6bc63cd541943bc848273db03b09bdbe41853d9d3aaa3b22be19bc9cd112bd4628b43d75a63a3ccb7d333ce3ac163deb34c4bc39588abdecd2983d9830fc3a781d2fbd3dac2b3d5367873befb4313d422ba4bd36972e3d7ea4c03ba48a5bbdb2d27ebc44e5433a6971de3cf3cb573c9fd827bd2f84f03c95e8b53aa29d1abd6268f7bcbe7e3c3d853312bcc76e533d07b2b53cdfb103bdf8a3a0bcac2d9c3c2be8973a2447153df459e23c631be13c972a883c4e238ebc80f8e6bca527f4bbb9d19bb278c8d93c58e067bdaefd4e3d01e6dc3d7bc7ae3d80a037bc95dd283ddf67983d198501bd10adebbb4b41083c7832b73b07b5c1bda01c01bddce190bc37baabbd492525bdfc2cfdbcb05911bde61cb2bdec79cfbd641c723df7aab33d6c5de5bc5cd679bcacadd53b1949873d6772cb3dfe8f783dc75e123dbf991d3d5e43c23d9149203d8d7d62bd040948bdaffa93bd31fc09be14188dbd92dcec3be3389cbc15316a3dd5ec9dbc6367563c7eb84f3d2d07563d27908bbda0b3d3bc613b16be6129983c5c1940bc55e753bd79c4b3bdee5a873de0d99c3df5e09dbca04b663d2e3c723caaa562bdf62f063dd6ba363d20e41a3b4c0a83bd5c8025bda0bbcc3a', '2BDE4CBD24EEA0C6E6137FD41C798CA5', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 4, 'imp-909d96f7aae8c76af41aeaf4', 'fx-03', 'false', 'bob on fx-03.', '{"inputs":"Can you help me track my order?","outputs":"Figure it out yourself."}', 'inputs', '\x2d25dbbb60773cbd7bc0963ddb17333b6c9f393da577713d92adfcbb0bc582bd912f86bcd02876bc92e6943c4ea0573c3cf5d73cc8384cbda791c1bd90a692bcf12dfe3cb6bb0abdc097c6bd49d2e8bc6f47a9bd1bdb8fbc3228243aa5a22b3d38335bbcf48e133dcb2586bdd8307b3c7d1c8dbdd5a523be6522bebbdfb22fbc66a5903d3c11783db19f6a3d15d1e3bd9ced44bdd9d4d7bd7740623df6cf00bbb5106dbc3f10e0bcdcb8493d6f5c2b3d42ba733b7765653b8db716bd9a949e3d515416bca362a23d421a24bd04e1a8bcbbb511bdd286213d7bd036bd81cd0d3e58147f3d2c4c7bbcd7a23cbd884c40bc091d0a3d02c1e2bc99fd8fbd55d8ed384f8aa4bdae52ccbc95d424bdc6e53a3c24570ebd8a02c43bf93c4b3d3f78113d1cc4723dd167a83df5edac3a710093398ed67e3da26490bcc0b81dbdee307fbdde27abbdc5a9d8bdab8993bdb1d73d3d25e2703db430abbd013d4a3d4e6a603dd86481bbc2e0303c201f1a3df3235f3df9ad233d0bde86bd5a243bbddb351c3d84a42a3d66272c3ce3cb9dbcf1f6a63d1a034e3d0239883df45034bbe506233c204cbe3c7d9963bdf1069ebdb9874e3d7bfd323c12fcbabb2fb389bc462873bb3e67273c45ce80bc188078bb878bd53c1bab96bc5556a93d2cb58c3dfab1e6bdeb9808bc456d3e3d14be9b3b01a56cbdd81172bd7c44b73ddb59d03da995e489f46981bcc19a3ebc907c9d3cab8fafbd5b944e3d172dd5bc38e51dbddfbd38bdbf7f6fbda710353c6a6c88bda8f3883d7f99923c37e40a3d492f8fbdd7d809bd533b873db01a4f3dc9f8a4bc1675debbbe8082bc05dcb3bd5f3321bd866342bc8e6b713d281e893ce6da81bc620e723d67e5523d33c8983cd19d373df6e29ebc9f66843bceea47bd581c8d3b92e82ebd4efe1bbd60b467bd562fbc3cbd1a7fbd252d673c6193a23cb71537bdc0812a3c7f5ddbbdc040c43d715f973b4b528e3c2649dc3dec70bf3c232095bdbdaef2bbf60d28bdb823a23cefcd0abbe8b77bbdb5299d3c82ea9bbd9292213d2b0b79bd45bfc53d4dbf06bd1f6404bce35c78bc5575183d743b02bee68b69bc0634e2bc6274273d7659113d3bd15cbc7af5073dbb5fa93d831efbbbd2be173e4937603d338538bd3db6483c364a6dbdd550a2bd30ac03bd06ddbdbc8638323d8731c63da008dc3c18d0443d6c21b03c62868f3d66cd7fbb7af4f23c3478dfbc9b394b3c2a4c063d29fded3cf4f340bdc9ae8b091c690dbd27ab423d336ea73da7a52abd0998a53d488777bc4c2b7abde961293dae42003d1c19353dfd7acdbcf5492b3d36f6fcbab73edebcc9a7823d5490433d0692a73d769b1abdf57dff3c84fa87bd9d2d8bbdb7ed243bd66fdabccc5565bc9a9ac9bc5ab3da3c955e1b3e988c913b711a4f3ca60b19bdd41d3d3b7745a1bd3789da3c26eaa23daabe7a3bb67797bc42c416bd4fec813d1f566c3ceb603a3da2b565bde5e2c63c551c41bc7fcdde3c10ec31bd5d4ca1bd98ffc53aae6bc63cd541943bc848273db03b09bdbe41853d9d3aaa3b22be19bc9cd112bd4628b43d75a63a3ccb7d333ce3ac163deb34c4bc39588abdecd2983d9830fc3a781d2fbd3dac2b3d5367873befb4313d422ba4bd36972e3d7ea4c03ba48a5bbdb2d27ebc44e5433a6971de3cf3cb573c9fd827bd2f84f03c95e8b53aa29d1abd6268f7bcbe7e3c3d853312bcc76e533d07b2b53cdfb103bdf8a3a0bcac2d9c3c2be8973a2447153df459e23c631be13c972a883c4e238ebc80f8e6bca527f4bbb9d19bb278c8d93c58e067bdaefd4e3d01e6dc3d7bc7ae3d80a037bc95dd283ddf67983d198501bd10adebbb4b41083c7832b73b07b5c1bda01c01bddce190bc37baabbd492525bdfc2cfdbcb05911bde61cb2bdec79cfbd641c723df7aab33d6c5de5bc5cd679bcacadd53b1949873d6772cb3dfe8f783dc75e123dbf991d3d5e43c23d9149203d8d7d62bd040948bdaffa93bd31fc09be14188dbd92dcec3be3389cbc15316a3dd5ec9dbc6367563c7eb84f3d2d07563d27908bbda0b3d3bc613b16be6129983c5c1940bc55e753bd79c4b3bdee5a873de0d99c3df5e09dbca04b663d2e3c723caaa562bdf62f063dd6ba363d20e41a3b4c0a83bd5c8025bda0bbcc3a', '2BDE4CBD24EEA0C6E6137FD41C798CA5', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 5, 'imp-241fa62939a72e675fa983bf', 'fx-04', 'false', 'ann on fx-04: unhelpful.', '{"inputs":"I have a question about returns.","outputs":"Whatever."}', 'inputs', '\xae4617bd80bc5b3d5bba67bc3e13903deaade0bcb920ea3c3d5d96bb69258e3cd6f6e63cd77b863c53c1263d2401363d384329bd72aaf5bcccd536bdffd49ebd98acf9390838f43ceed5b5bdfec4be3c4df99c3dacadbabd1a2f61bd9f53e8bc736db93d64b510bce86579bd69b41c3d7a5b9bbc4249a7bd7962253ddd3e96bb19e6a1bd238e90bbec0a99bc1e0a953d0baeff3cbc09a9bcbfdae33b9d44213dde7382bd4c07a1bcb66ecd3c8529663c78c787ba3a180bbd8384a9bce6061a3deb7e933df4ec553c7172ee3c1c5ecc3dc987eabdda2bc63cdf10c43c6ed8b23d45b75cba7a41f3bc0dfe1ebd81f9db3a387913bb504620bd1d9557bdf241673d6fa7033eea87bebdc9c8ecbcf337a6bd372811bd4690a5bdb7c22b3db5980bbd82502ebd88fcf6bca6a0e73c0e6fa8ba352f203c9761173d73219a3b8b56bd3c7c096d3d2659f6bce3f72fbd996586bda31a223d7e567a3cd0f84f3dbd00853d185e033e7e54383d5b3b4e3d63e931bd25c4b0bc3762af3cab71febc6c51463ce4b892bc9e6ece3bcf78943df57c583d9dfd4a3d617891bc8d5584bcb085bfbdcf43eebce283e6bd0a51003d89ed093d765cabbc41ff85bc1d4101bd1998143d7f0e983d2325873d949845bdc0a5b6bcffedc9bd1fd20fbd1dfa32bdd3e592bd5e68aa3db2e8bc3d62cb983de97f993cd37cbbbd153783bde8cc863d78b6348ad700e4bd3940a0bd34a64b3d47b12dbd42c68dbc8d0c42bdce7737bcbcada2bbebc51a3d8131dcbc41ec5dbdd1528b3d8a46033d0e00f33b5613fcbc332c6a3d718e633d08d2513db27a6e3c34ecc2bcef0f76bca85fd7bbf726573dfb297d3ccac21cbc40bfccbdaad99fbd604899bc44faf4bc7f6115bc586a5e3d6ac6a33c697b363a2a9375bdb7025dbc1a83ce3d437bb83d435af13b0cf5603cf112fa3b104635bde396a239dcd47fbde5082e3c2ac6b8bc2aecdcbd6ec4903d975c61bcdc60a8bdac339eba02739dbb7204063c39aac73cc06e963cc55f5cbb81bfe43c2176573d0d82353dc386c5bd1fb1ff3bc25294bc376cc5bc699dabbc5f12403bd39928be2955453d76bc893db7ae1a3dd4724a3ca207ed3d796ba33ccdae22bd4feaa7bcec0a91baa3de8c3dc1082b3b109634bcaff3bebcfda7a83d84e9e0bcb53ec0bb8546cdbc1e1086bdd4cef53cc6240f3d26064e3d6b564d3de37aafbdde6ae23d6eb55a3b5997c43b1658c1bdeeac653d7a72e6bcee55af3de3269309ac433bbda2688e3d6957cabcd98341bdadecadbd3f7e79baab33cbbce4e3973c5e648bbd7c13973d8ec510bcbe9940bd450ec03c5bba4e3c9e80053d655608bc79f4573d9b365abdc781953ca73800bd17060a3c769907bdf974e33c7d9825bd2c0b85bd4da2b43debdd87bc0e4dcbbc13f674bd71b998bd64a4323db9f8a6bd136c8ebc1c1cfd3c6ff9323cc7a92dbc8cabc53c4e2aa8bd7da3f23ceb4a5c3d362eb23de5d005bd0a05753d8bbbbb3a94a4b53c2453d5bd475d4d3d7e44e5bb5744213ec8125cbdb6e4203d0edf323d92874cbc11e04e3c011b00be569d913de7dbfb3cc69710bd165fbd3b9f8f343d80fc57bd7f6091bc570868bd91699d3de833f4bcf80635bd7adad4bc1956babda1a8893da677c0bd28b226bd971d73bd0478013d0e735bbd23e0c63b6c8fec3d75cd81bd1f04e1bce1a3e83cb2ce4b3d619b94bceca9063d151fb33c80459c3cebe4d33cb3db69bd1ff9193dce20c4bdb043463c9752903dec47f63c257c093b4cf5173d18f1a23b7f09973c735d91b2989326bd5127ffbcaa01fd3deab8063d0188cdbba42db83c58f5743d8739b0bd2983cebc15f1d1bcf627033dea23b2bca4f360bba66cbd3bc8551b3d1366fbbc0f6f603bd8c659bdecd0d5bc323e55bda751f1bc6187cdbcde62d23d2086843d1373eabc2294223d15095fbc1e59b53d8eff8fbdb9a7d93aa10fd93c68060a3d1722763d9ed6833cb35f77bc417395bd96343c3d7c16933c4cd1263c988e8bbc2aac33bae6c1f9bced6e1d3d040d683d0000ff3b1ab2f3bcf2149f3c0c3e53bdc7840a3c52d01fbe360f263d84e2b5bc08b43cbcce4421bd4ad25fbc373a1b3caba445bdadc16b3d72c025bdaeaa24bb54638dbc794b0abdf1f5353a518c87bc', 'A13FE8F16522FB80B9B4E568A1B64341', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 7, 'imp-464373eec6a0dba54850e3e6', 'fx-06', 'false', 'ann on fx-06, second look: still unhelpful, clearer now.', '{"inputs":"My card was declined.","outputs":"Not my problem."}', 'inputs', '\x8f53243b6150d53d84dd2b3d5ac7fb3c7d42d1bb7aaf62bd5136143dd611edbc4d457a3def5d9cbddd6a85bc7568343ccd4cc53ce5b7dfbcef341abd24008cbd9afd513d7eaf08bd679601bd1314b73d46e8f9b94634083dd5ca2bbdbbcea6ba1d1aeb3bbbd186bd537ec2bd5b3d643dd4ad2fba53a64fbcc7b2ef3bb2e61a3ec444b43d7e4c863d1486cfbc4c5290bd26dd7ebce0ce0fbdce111cbbb1a7ffbc3678d83a5a5158bc0ccda23cd00be13cb895c23cbda67cbc1457773b579a7bbcc95a4cbd07d0243d8ccefbbb3dd3c53ba80192bd8d2780bd843490bd7a1cb5bc628295baff492dbd479f65bd383811bd2b63873c9db0c6bd10f577bdc1c2bc3deb937fbd176a863ce32658bc1166c5bc079cd73b3c454b3925fa6d3dc70b123c64e13f3d04c4693df1a215bc87f21eba38a6bf3c5da877bceeb5913dbe997a3cea80a6bdc0c16fbdebf9c5bc7ff8c1ba87d72b3c45d71abd23fb113c49ea7cbb5e0bb3bcacf586bd88c1f13d082bf23b4ab19f3cd7ec583c702452bd40212ebdfc1307bc0d2d77bdcf75d6bd731ed23df1e4653c17772e3c36dcafbd8dbd52bd590574bc687fa1bc8bcdf3bce84bedba8172923ce8f0ac3a921161bdd120bc3be9570d3dfe69b7bc0c2a18bd9db6e33d8a24c53cd688413d34e1f53cd0d5833cb59888bc9deeeb3cdb93dcbc79b9a9bc9f90e5bdb430bdbde8b20a3b7e46fd89c077223be93a663c7a9f653cecb5833b8b1a263d24525bbc7d99a4bc2fd59cbcc2526ebdbdfeb5bc7cc5373d4fec2d3ddf1bc43d4bc862bc7d89d9bcb3935f3b5be670bd0521823d5092a33d8c37523df6a33f3dae67fe3af9dc43bb8b65b4bb5ea6d9bca413f13cda88c2bd6be48fbd9fd3023e091f503b30a13dbd211d41bd30cedf3d99a6cebcd7dfcd3d768fb33de4908b3b4fbb103d4d75acbd3cac04bd2374513cb2da0b3df1e0adbd10569cbd63af0c3d5a6611bd87d71e3eb9f339bde188d3bd12be333d370c83bd5d28acbc00f8e8bc6edcd2bb7bc8bcbc8d9793bd32def73b54c69b3d03bf0ebdc62f49bd2561bbbcf2a726bde54fa8bd463c82bbd98415bd033c8cbd5d20653c24c679bce9deafbde86de7bca3a7173cb7beed3cd160de3c27a5f43c1216883c5ebda33b1750d0bc480c663db19a21bd3c76ffbdb5ce30bde30d3bbb68a0cebdd3dce13cef0f803ded837c3da3ebef3d0f0627bcb925103d4fa75cbc92bc40bd542e193b04bc0d3d06870bbde7c2793d715db009fecb17bdaaae9dbd7fbd7fbc1b37483c33a1eb3c7bb581bc4789883cc732e93d23f4113db6a719bd19d8b93d455f3d3d41c9dc3b9ed4ec3cebc81a3c6bb0c3bc0305e7bc53edc83baac9f3bbbe0874bc717095bb06ccde3d9e602b3cab4b573d70328d3c6aa5ce3de02fb03d499be2bc6080b63ddeb4c8bddd12d13c65b612bd83f404bed56f873de3a85c3dddc69d3bb49d15bdacffd53da0354cbd30b2013ca9d23dbdac463f3d6ee48c3d8e50993d204a3f3c612ae9bd8c5b953dea9ad8bdb295c03d2a62483c9a1702beaf0964bd7902023d649b653df5ef13bd9197303d2f3cce3dc193e9bad5279d3d66fd38bd9a7ff83c3f34c63bf2c585bc97926cbd785a903de35e833c58820cbbfb21743d1cbfc43c2533b0bba65f01bc3603283d5f79733c012e943d3e9a9b3da5fe1cbd786d033da2eb773d3f0cccbc9cbf63bddb2df33ca0ef34b8819a94bde0ab2b3c0b27993dece398bce1bb093c095880bd6976ec3c07450bbb8db4693de67a99bc39c9cf3de890953ccfc497bdd4a872b2726247bc8271e33cefb5153c98b8793b383aafbba4dc713d56531a3d7dbeb5bd364a6ebc7a21bcbc98f0413d4ff52e3d6ba035bdd3378bbdad18a13d1e8c34bd8c36353d186591bd0529a53ca952ae3c5605bebc361d603cba46deba6c9d28bd64c52dbdb6abac3c1ab1113eb4d80e3d99cd94bc4859f5ba8305103d5cb3193d10255f3d84b09c3cc2e7d9bcd84d3abbb1b53abdb02990bbfd2d4e3d16743c3dbdc2013c4993493cbfe4d1bce8ef5abd3082483c83e83f3c0d5a83bbcf2577bdceca753d224ece3ccf3867bc32d7b4bb7e2c183dcbb6993d3dc79bbc4bea013c9e95ed3cb4832c3c5790cabc597533bd7ac3513d5ab608bd4fb4b7bdd696783c', '5C15A38B520BEBF78B45E198F6F30EE9', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 8, 'imp-5449391050082d4022655273', 'fx-07', 'true', 'ann on fx-07: helpful.', '{"inputs":"Do you ship abroad?","outputs":"Yes, to 40 countries; shipping costs show at checkout."}', 'inputs', '\x6e692e3d91162bbd8de2813cdf72313a45efff3c761c87bd7b90debbcc978ebc6ec698bd9e255f3c8c80f93c74cf8cbc303f48bdd37b583da300583d1db736bdeb1137bd3dc91bbd2117aebd55d91e3d827479bd568ca4bb3ab0b43ac738293d49b5f93bdc2c7ebd1e2e193d2f57e6bc568364bdc8069cbd4d684ebd33c9a93c78e03cbd7c8a9d3dbac8973d8e5d7e3d6254653d09fc7bbd4c76533df246773b9586f53bbd0ccf3c8a31523de24a1f3da63c273d1e805bbd801a9eba21adc13d75cd1a3df38abe3c9b3e853c520ebc3d0a39afbb36b7553c5f39b63cd9be0f3df8af993dc3ef1bbb8b62d13b1ee1ec3c110ba5bb83bc2c3db492d3bc54ae9d3dd2c4813b34a205bd3cedebbc8767ff3c1aced8bcc45086bd3ce263bd89242a3b13f625bd0b81f33d9c2e06bc027f4bbdab33a13d48f1febb428979bddc47673dc276fd3bc665153d43e1cd3c4d7c92bdf094243d335a94bd3bd9403d189be73db2afb5bdb5162fbc76af893d44ab76bd67f618bc3a04a63d0b1ef3bdd3db8abd56e7903d0071ca3cf895dfbcbbc7893dd85d923d5107013cb47d063dcc3d923d195312bebca9ac3c24eb3abd526b173de1f7c0bbf1379abc9950dabd51468c3db8374dbd518c73bd6387b0bc207443bc46f47fbafdfa1fbdbea2ac3df80e05be5235fc3c393fbbbca6bd2c3dc04b403be622edbd1a0c49bdbf6f6c3d5d8c188a9ddd80bc275c9abdc7c950bde9a7a43b60798a3bb663463d7cee863c95317fbc09281cbddfb496bc45a798bd46f5c53cd4e8853dc7e92c3daee78d3b77959a3d8d5d9e3d8dfe6ab950820a3d2ae5353cea12853cd04077bd18e6b5bcc74ae63c7c79093d6f2b303d6e2453bd139fd8bccb96833d82a27e3d2d88fabb1a57cd3c228da3bcb403043ca71a8b3bc1e1783de935b2bd3ecb1dbded91963b4eefbabc7405c3bc55278c3cb3889cbd3496ca3db5f2c63c9de433bca4c40b3d39ad21bdef2a753dc41e3e3c3afcb4bd568712bd79836cbd7609a8bd6571c23dd3e5253ca0a8413da6fe3abd4ec5643dbfa39bbd21fc38bd87146bbc716385bc1373023cc2dda33d892718bd5aa4a0bb4d7bd0bc3ca24bbc5b4092bdb3ee17bd30972e3d3856543d792ddebc3ab2903dfd09283d5325313d2962183dfb62423ccba37bbd1c8187bdc79c743dfab48ebdea5bc33d0a22953d60d186390a1d803bc6ea7fbb4d45573d3534bd3ce0047bbdd2cb32bd8e638f3c3c4ae4bdc05267bd8325c7096f22d93cfacc7dbc2065f63b80ac11bd52c479bd92a891bc1d72953d51cfa73d6cf20ebdc2234e3d25b7ddbd342f4abd9a92953dbec5263cc0b41b3db53b99bbfba7933d9a4a903d9902643de349a7bdc62e073d0f6f3bbc32ba593d0fcd49bc2a841cb9c924d7bb47037b3d3d08acbb83dc7cbda0b782bd5821823d53d78a3dd264abbc55db343db352ecbd06b1a23dffe3c03b05d64e3d3e76af3db5429c3de501f0bd1954fbbb875f12bb9e65f03d1a3c64bc5ce038bd16ee2cbd09fd24bb5119833d6a0c60bd09f809bc31afb23df651be3bed441ebd10fb85bc1d88ce3c386980bd5747b5bcb0af4bbdfc7631bd0378cfbbe1aec1bc046d903b85211fbd976667bb7a1f733c0cf4b33d24fa023d4289283ce29c383df245103dc6099cbd2a2a9bbdedb2813d6792e63cd22447bd41c5ac3c794c36bb7b7c59bdb95e0d3da2fa13bcf89fa0bcf2db583dda6efb3a898160bcf719c4bd71a39e3c95b5dabc0db4163dfe6a3bbdae63e43baec0073d04b783bc586928be0c90963c3cca6db2e17749bc6cc1593df34cb33d79fa6b3db197bdbdbd94a23c7230113d004bbb3c6e9213bc7c16aebcc1aa95bc4f50143c8cd3093c73f016bdb826943c72a2153de186ab3da10ba23d812594bc564b73bd7b67f0bbcc0a443d2c78693dc0264e3da2632d3d841aecbb4b7abe3cd181a3bcddb1943d362f49bdad09fcbc3335313d4b08053d19b4cfbc6bc987bc057528bea1efcebbf0448cbdfad98cbdb770c6bc29ee78bcd3fb0fbc252f94bc4830e6391f0dc93c6dfb79bdfda5a8bd16ef39bde20960bba81f323c4c89ebbc44130e3d00028d3c10baaa3cd72de53c6818933d4d03d1bbc3be53bd0733603d1218543db482da3b0fae43bd77b0dc3c089314bd', 'C9547AC868BBEE3517065AB1D5CABA5C', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 9, 'imp-fae2fdd1ccf9334651e8e091', 'fx-07', 'true', 'bob on fx-07.', '{"inputs":"Do you ship abroad?","outputs":"Yes, to 40 countries; shipping costs show at checkout."}', 'inputs', '\x6e692e3d91162bbd8de2813cdf72313a45efff3c761c87bd7b90debbcc978ebc6ec698bd9e255f3c8c80f93c74cf8cbc303f48bdd37b583da300583d1db736bdeb1137bd3dc91bbd2117aebd55d91e3d827479bd568ca4bb3ab0b43ac738293d49b5f93bdc2c7ebd1e2e193d2f57e6bc568364bdc8069cbd4d684ebd33c9a93c78e03cbd7c8a9d3dbac8973d8e5d7e3d6254653d09fc7bbd4c76533df246773b9586f53bbd0ccf3c8a31523de24a1f3da63c273d1e805bbd801a9eba21adc13d75cd1a3df38abe3c9b3e853c520ebc3d0a39afbb36b7553c5f39b63cd9be0f3df8af993dc3ef1bbb8b62d13b1ee1ec3c110ba5bb83bc2c3db492d3bc54ae9d3dd2c4813b34a205bd3cedebbc8767ff3c1aced8bcc45086bd3ce263bd89242a3b13f625bd0b81f33d9c2e06bc027f4bbdab33a13d48f1febb428979bddc47673dc276fd3bc665153d43e1cd3c4d7c92bdf094243d335a94bd3bd9403d189be73db2afb5bdb5162fbc76af893d44ab76bd67f618bc3a04a63d0b1ef3bdd3db8abd56e7903d0071ca3cf895dfbcbbc7893dd85d923d5107013cb47d063dcc3d923d195312bebca9ac3c24eb3abd526b173de1f7c0bbf1379abc9950dabd51468c3db8374dbd518c73bd6387b0bc207443bc46f47fbafdfa1fbdbea2ac3df80e05be5235fc3c393fbbbca6bd2c3dc04b403be622edbd1a0c49bdbf6f6c3d5d8c188a9ddd80bc275c9abdc7c950bde9a7a43b60798a3bb663463d7cee863c95317fbc09281cbddfb496bc45a798bd46f5c53cd4e8853dc7e92c3daee78d3b77959a3d8d5d9e3d8dfe6ab950820a3d2ae5353cea12853cd04077bd18e6b5bcc74ae63c7c79093d6f2b303d6e2453bd139fd8bccb96833d82a27e3d2d88fabb1a57cd3c228da3bcb403043ca71a8b3bc1e1783de935b2bd3ecb1dbded91963b4eefbabc7405c3bc55278c3cb3889cbd3496ca3db5f2c63c9de433bca4c40b3d39ad21bdef2a753dc41e3e3c3afcb4bd568712bd79836cbd7609a8bd6571c23dd3e5253ca0a8413da6fe3abd4ec5643dbfa39bbd21fc38bd87146bbc716385bc1373023cc2dda33d892718bd5aa4a0bb4d7bd0bc3ca24bbc5b4092bdb3ee17bd30972e3d3856543d792ddebc3ab2903dfd09283d5325313d2962183dfb62423ccba37bbd1c8187bdc79c743dfab48ebdea5bc33d0a22953d60d186390a1d803bc6ea7fbb4d45573d3534bd3ce0047bbdd2cb32bd8e638f3c3c4ae4bdc05267bd8325c7096f22d93cfacc7dbc2065f63b80ac11bd52c479bd92a891bc1d72953d51cfa73d6cf20ebdc2234e3d25b7ddbd342f4abd9a92953dbec5263cc0b41b3db53b99bbfba7933d9a4a903d9902643de349a7bdc62e073d0f6f3bbc32ba593d0fcd49bc2a841cb9c924d7bb47037b3d3d08acbb83dc7cbda0b782bd5821823d53d78a3dd264abbc55db343db352ecbd06b1a23dffe3c03b05d64e3d3e76af3db5429c3de501f0bd1954fbbb875f12bb9e65f03d1a3c64bc5ce038bd16ee2cbd09fd24bb5119833d6a0c60bd09f809bc31afb23df651be3bed441ebd10fb85bc1d88ce3c386980bd5747b5bcb0af4bbdfc7631bd0378cfbbe1aec1bc046d903b85211fbd976667bb7a1f733c0cf4b33d24fa023d4289283ce29c383df245103dc6099cbd2a2a9bbdedb2813d6792e63cd22447bd41c5ac3c794c36bb7b7c59bdb95e0d3da2fa13bcf89fa0bcf2db583dda6efb3a898160bcf719c4bd71a39e3c95b5dabc0db4163dfe6a3bbdae63e43baec0073d04b783bc586928be0c90963c3cca6db2e17749bc6cc1593df34cb33d79fa6b3db197bdbdbd94a23c7230113d004bbb3c6e9213bc7c16aebcc1aa95bc4f50143c8cd3093c73f016bdb826943c72a2153de186ab3da10ba23d812594bc564b73bd7b67f0bbcc0a443d2c78693dc0264e3da2632d3d841aecbb4b7abe3cd181a3bcddb1943d362f49bdad09fcbc3335313d4b08053d19b4cfbc6bc987bc057528bea1efcebbf0448cbdfad98cbdb770c6bc29ee78bcd3fb0fbc252f94bc4830e6391f0dc93c6dfb79bdfda5a8bd16ef39bde20960bba81f323c4c89ebbc44130e3d00028d3c10baaa3cd72de53c6818933d4d03d1bbc3be53bd0733603d1218543db482da3b0fae43bd77b0dc3c089314bd', 'C9547AC868BBEE3517065AB1D5CABA5C', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 10, 'imp-efcd5f75af0b21b37ea80be0', 'fx-08', 'true', 'ann on fx-08: helpful.', '{"inputs":"How do I reset my password?","outputs":"Click \u0027Forgot password\u0027 on the sign-in page and follow the email."}', 'inputs', '\x2c33e23b6b1281bdc78b93bd9e1a05bdf8ef2ebd473d903d2caa143cbc707c3c07007e3d768b8a3cd50e32bd1b841b3d774f523d59d138bd1dba4abdf81260bbeb8b86bd2b9fff3ddcd5a6bc9ab6afbda794063c29b0d9bcdf753cbd680480bc9a6cc03b305f74bce87935bb50d9c93ca3afd5bd6d528bba27264d3c115a9d3ce5d9e43ce17eda3c031287bcae32103d539a3abd936b4b3b2a585a3dbac148bc5d95bbbd1cccafbcd11ab5bddb35043d6799ae3d0dfdd43ce8e71dbdb1905b3dfaae4e3d06ac9f3a3625dd3dfda71d3bdd190fbcf037b5bce9f389bd188b713d7b0e693d334a7e3d99b06c3dc9a92f3d3719be3ce50403bb2c8ffdbc80f6d73da69c89bd71dac0bcc4f5e2bba83ab13bfe5b113dc625d2bcfcaab4bd6d6f51bda1bba1bd052acbbc24ed8b3c90a6f23ccd65053cd8f64ebddddb853d9d04f53def5098bdd504bebc925876bccc66393dd87efc3d80f27b3d12b7bf3c1d257bbb2d9d443c3c9625bd80244a3d4d4fd3bc3c0c51bd027e7fbc666cdabd4d5a4bbcab92403d74aaf63cdbab85bdee3b303d8ecd3a3d44b206bd59c2943b5d40a0bd81983d3df99d30bd748de43d2445a83d8076abbc2fbee23cb3eabd3c9a7848bd6aa8263c33b67e3d6c3f843cfa0184bc28cdacbc208f5a3c5b63c63cf86eea3c648426bd0f4c6e3cc8f50a3cf66b0abda76c47bd0a396ebc5449e8bcb924c689971b8ebd78021d3c9f712abd9b6a303c35bffebca4e982bd00386d3c0cc287bdcc2641bd59a7883d8a45f73cc6fd383c716028bd1dbcb3bd156385bc04735f3c3c7bc9bc88a80f3c7bb186bc54971c3c1de98fbcd95d6e3c7bcda83d7f013dbcb8e9863c9ab041bde2e6f73cb70715bdb2c109bd45fc8f3cf0dc38bc9b9f553c29b4103c53637d3c53907ebd1e7bb03b0594aa3d77c802bd9f5f36bdf0a2ad3c6470c3bc7412acbc33443c3dd86397bd5813563d43e5adb90b7ef03c175d673d74fd053dc6a11a3c679828bdad7ba8bb891170bae35c883b7e99af3c2df28a3b606c803bf1a733bd0dd5b4bd622f8bbdcd5fbd3df7cdf13c2ea5c4bcf032683b5543b53c08fc40bd2ac5993d2ec22ebdb670253bdfca5b3dea7ecfbcce04063c2ddfe9bc49bfbd3c8daed4bd177e413d2439093da6554a3d724f66bd87e34c3d39c8e7ba5f53833c35b3a7bde32fad3df4fd27bd3a7b1e3c57e17f3c1c39bd3dbe4b53bc003c46bd8a7564bd51af92bce052963dd90cedbdc2549bbdcfe745096dce8439973b8fbd0c92bb3ceafcb8bcd07a7c3da918dcbc6a54003c47532f3dd3c3e7bc1cee1bbc276b593df7d5e23d4d835b3c0b9babbcf66b023e108ba23de8a120bdaffcb53d047d02bedceeeeba6a87dfbd389a603d2158433baf04abbc393b2f3d3471a8bbf7f49e3cd900a33dfb80123c4672b3bb2d09963db60acbbc864aa7bb45281a3e25b94c3d55701abc89eca33de86f083c905850bd61ed02bde2cf2d3c0f75393dd972a9bb188732bb58784bbd354b07bc4a21463df8507abda2bc853c87f8113d1be7b9bc54ff64bdef9fc73d4aa37abd27ce40bc41ea913ca92d633df4d3bbbce83d033c906ac1bd1415ebbc74e1ad3db6e13dbce8733c3ddc7eaabc8ccdfa3bf77ae1bc87a2d8bc48f8bbbdc6716a3dbba237bdd2cae43d0ed7973defab8a3c7b25cb3d8c40e6bdb6868dbd7295103d214da7bd5c19b6bcb277c13d53be9bbcee9a9abde8c858bd59d795bd7950b2bde615e93c5f2f443de8fb433da0f111bc3cfa4abd68d4f9bc2318523cc6d68b39db4cbd3bcfea65b25cd966bc764a6abd9bd2a33d3e81733cbbd3b23dc4d1fe3cbf7f4bbd35ce853c0fa3abbde081c7bd447d39bdc31f003d66f40f3db339463ba91fd0bcf30507bd0b7d4dbdcbdb47bcf216dc3c05edac3ca6bb07bdb9f868bb54e156bcc78c99bd5e85a43d8ac4a03df410aebbcf88ae3d0ff2663d95c335bcbb03eabc222c433c733ee93bd8428abdcfc325beec4ff0bcc55afbbcb6c40e3cb71ba0bcbaebd8bccdce263c32b7533d7bd0713dde607c3d35fe53bdb47acb370c22343caeae6b3c58bed53c5a54e53b5c49e9bd9aaac43dedcdb73c5fa98e3d08797bbc7bb0433c5b56373d68dd4cbda6b0debd3f78adbbad78003da432963d6c85333b1d229cbd', '7E0CF982F479E7BD2ADC6FC772B192DA', 1);


--
-- Data for Name: judge_guideline_sources; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.judge_guideline_sources VALUES ('default', 'helpfulness', 2, 0, 'fx-01');
INSERT INTO public.judge_guideline_sources VALUES ('default', 'helpfulness', 2, 0, 'fx-07');
INSERT INTO public.judge_guideline_sources VALUES ('default', 'helpfulness', 2, 0, 'fx-08');
INSERT INTO public.judge_guideline_sources VALUES ('default', 'helpfulness', 2, 1, 'fx-03');
INSERT INTO public.judge_guideline_sources VALUES ('default', 'helpfulness', 2, 1, 'fx-04');
INSERT INTO public.judge_guideline_sources VALUES ('default', 'helpfulness', 2, 2, 'fx-02');
INSERT INTO public.judge_guideline_sources VALUES ('default', 'helpfulness', 2, 4, 'fx-06');


--
-- Data for Name: judge_guidelines; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.judge_guidelines VALUES ('default', 'helpfulness', 2, 0, 'Experts judged true when: ann on fx-01: helpful.', 0);
INSERT INTO public.judge_guidelines VALUES ('default', 'helpfulness', 2, 1, 'Experts judged false when: ann on fx-03: unhelpful.', 0);
INSERT INTO public.judge_guidelines VALUES ('default', 'helpfulness', 2, 2, 'Experts judged true when: ann on fx-02, second look: still helpful, clearer now.', 0);
INSERT INTO public.judge_guidelines VALUES ('default', 'helpfulness', 2, 4, 'Experts judged false when: ann on fx-06, second look: still unhelpful, clearer now.', 0);


--
-- Data for Name: judges; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.judges VALUES ('default', 'helpfulness', 1, 639319967981608212, '{"name":"helpfulness","instructions":"Evaluate whether the customer support bot\u0027s response is helpful given the user query.\n\nUser query: {{ inputs }}\nAssistant response: {{ outputs }}","model":"openai:/gpt-4.1-mini","value_type":{"kind":"Boolean"}}', '{"label_comment":"Optional","label_title":"Helpful?","label_instruction":"Is the reply helpful to the customer?"}', 'memalign-local-hash-v1', 512, 5, NULL);
INSERT INTO public.judges VALUES ('default', 'helpfulness', 2, 639319968014634262, '{"name":"helpfulness","instructions":"Evaluate whether the customer support bot\u0027s response is helpful given the user query.\n\nUser query: {{ inputs }}\nAssistant response: {{ outputs }}","model":"openai:/gpt-4.1-mini","value_type":{"kind":"Boolean"}}', '{"label_comment":"Optional","label_title":"Helpful?","label_instruction":"Is the reply helpful to the customer?"}', 'all-MiniLM-L6-v2', 384, 5, 1);


--
-- Data for Name: label_session_items; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.label_session_items VALUES ('default', 'week-1', 0, 'fx-13');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 2, 'fx-12');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 3, 'fx-03');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 4, 'fx-07');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 5, 'fx-11');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 6, 'fx-14');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 7, 'fx-09');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 8, 'fx-10');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 9, 'fx-01');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 10, 'fx-08');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 11, 'fx-06');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 12, 'fx-04');
INSERT INTO public.label_session_items VALUES ('default', 'week-1', 13, 'fx-02');


--
-- Data for Name: label_sessions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.label_sessions VALUES ('default', 'week-1', 'helpfulness', NULL, '["ann","bob"]', 2, 'Uncertain', 639319968127092222);


--
-- Data for Name: memalign_schema; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.memalign_schema VALUES (3);


--
-- Data for Name: trace_tags; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.trace_tags VALUES ('default', 'fx-01', 'split', 'align');
INSERT INTO public.trace_tags VALUES ('default', 'fx-01', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-03', 'split', 'align');
INSERT INTO public.trace_tags VALUES ('default', 'fx-03', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-04', 'split', 'align');
INSERT INTO public.trace_tags VALUES ('default', 'fx-04', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-07', 'split', 'align');
INSERT INTO public.trace_tags VALUES ('default', 'fx-07', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-08', 'split', 'align');
INSERT INTO public.trace_tags VALUES ('default', 'fx-08', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-09', 'split', 'test');
INSERT INTO public.trace_tags VALUES ('default', 'fx-09', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-10', 'split', 'test');
INSERT INTO public.trace_tags VALUES ('default', 'fx-10', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-12', 'split', 'test');
INSERT INTO public.trace_tags VALUES ('default', 'fx-12', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-13', 'split', 'test');
INSERT INTO public.trace_tags VALUES ('default', 'fx-13', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-14', 'split', 'test');
INSERT INTO public.trace_tags VALUES ('default', 'fx-14', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-02', 'split', 'align');
INSERT INTO public.trace_tags VALUES ('default', 'fx-02', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-06', 'split', 'align');
INSERT INTO public.trace_tags VALUES ('default', 'fx-06', 'batch', 'b1');
INSERT INTO public.trace_tags VALUES ('default', 'fx-11', 'split', 'test');
INSERT INTO public.trace_tags VALUES ('default', 'fx-11', 'batch', 'b1');


--
-- Data for Name: traces; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.traces VALUES ('default', 'fx-01', '"What are your store hours?"', '"We''re open Monday to Friday, 9am to 6pm."', NULL, '{}', 630822816000000000, 'B3879D88F39196DD0FFDADB59021C800');
INSERT INTO public.traces VALUES ('default', 'fx-03', '"Can you help me track my order?"', '"Figure it out yourself."', NULL, '{}', 630822816000000000, 'FCF8BCD1E9F19E767C83EB6F6DEC4740');
INSERT INTO public.traces VALUES ('default', 'fx-04', '"I have a question about returns."', '"Whatever."', NULL, '{}', 630822816000000000, '0493FAD85E5396586DA7B232199D411A');
INSERT INTO public.traces VALUES ('default', 'fx-07', '"Do you ship abroad?"', '"Yes, to 40 countries; shipping costs show at checkout."', NULL, '{}', 630822816000000000, '31114BDC6E5ADBA9AAA7D18BA5E5905A');
INSERT INTO public.traces VALUES ('default', 'fx-08', '"How do I reset my password?"', '"Click ''Forgot password'' on the sign-in page and follow the email."', NULL, '{}', 630822816000000000, '4AF4CF57AFCFCA6E2D5AABD748D290EA');
INSERT INTO public.traces VALUES ('default', 'fx-09', '"Do you offer gift wrapping?"', '"Yes! You can select gift wrapping at checkout for $3."', NULL, '{}', 630822816000000000, 'B453AE12C474FD6E5B142E1B81AEB9DD');
INSERT INTO public.traces VALUES ('default', 'fx-10', '"I love your product!"', '"Thank you so much! We''re glad you''re enjoying it."', NULL, '{}', 630822816000000000, 'B1ABAFEAC93559F75EEB3D1C600C24F1');
INSERT INTO public.traces VALUES ('default', 'fx-12', '"Is this item in stock?"', '"I don''t care."', NULL, '{}', 630822816000000000, 'CA678F47C900E6ECB9936CDDA496ED36');
INSERT INTO public.traces VALUES ('default', 'fx-13', '"Can I change my delivery address?"', '"Yes, until the order ships: open the order and choose ''Change address''."', NULL, '{}', 630822816000000000, 'DD5B065F5C81DFA9070FE06B1AFB60BF');
INSERT INTO public.traces VALUES ('default', 'fx-14', '"The zip broke after one day."', '"Buy a better one."', NULL, '{}', 630822816000000000, '1878DBDD2E97609735F3E69EAFB2BF79');
INSERT INTO public.traces VALUES ('default', 'fx-02', '"Thanks for your help!"', '"You''re welcome! Let me know if you need anything else."', NULL, '{}', 630822816000000000, 'F41054878437C2B237FBF176FE2D8482');
INSERT INTO public.traces VALUES ('default', 'fx-06', '"My card was declined."', '"Not my problem."', NULL, '{}', 630822816000000000, 'C0B197FD097D97EC038ED7B8C788F328');
INSERT INTO public.traces VALUES ('default', 'fx-11', '"How do I cancel my subscription?"', '"Why would you want to do that?"', NULL, '{}', 630822816000000000, '64221C16AA108CD84ADCB6A78C977A23');


--
-- Name: assessments assessments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessments
    ADD CONSTRAINT assessments_pkey PRIMARY KEY (experiment, assessment_id);


--
-- Name: eval_results eval_results_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.eval_results
    ADD CONSTRAINT eval_results_pkey PRIMARY KEY (run_id, trace_id, judge_name);


--
-- Name: eval_runs eval_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.eval_runs
    ADD CONSTRAINT eval_runs_pkey PRIMARY KEY (run_id);


--
-- Name: experiments experiments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiments
    ADD CONSTRAINT experiments_pkey PRIMARY KEY (name);


--
-- Name: judge_examples judge_examples_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.judge_examples
    ADD CONSTRAINT judge_examples_pkey PRIMARY KEY (experiment, name, version, ordinal);


--
-- Name: judge_guideline_sources judge_guideline_sources_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.judge_guideline_sources
    ADD CONSTRAINT judge_guideline_sources_pkey PRIMARY KEY (experiment, name, version, ordinal, trace_id);


--
-- Name: judge_guidelines judge_guidelines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.judge_guidelines
    ADD CONSTRAINT judge_guidelines_pkey PRIMARY KEY (experiment, name, version, ordinal);


--
-- Name: judges judges_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.judges
    ADD CONSTRAINT judges_pkey PRIMARY KEY (experiment, name, version);


--
-- Name: label_session_items label_session_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.label_session_items
    ADD CONSTRAINT label_session_items_pkey PRIMARY KEY (experiment, session, "position");


--
-- Name: label_sessions label_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.label_sessions
    ADD CONSTRAINT label_sessions_pkey PRIMARY KEY (experiment, name);


--
-- Name: trace_tags trace_tags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trace_tags
    ADD CONSTRAINT trace_tags_pkey PRIMARY KEY (experiment, trace_id, tag_key);


--
-- Name: traces traces_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.traces
    ADD CONSTRAINT traces_pkey PRIMARY KEY (experiment, trace_id);


--
-- Name: assessment_history_by_trace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assessment_history_by_trace ON public.assessment_history USING btree (experiment, trace_id);


--
-- Name: assessments_by_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assessments_by_name ON public.assessments USING btree (experiment, name_key, source_type, trace_id);


--
-- Name: assessments_by_trace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assessments_by_trace ON public.assessments USING btree (experiment, trace_id);


--
-- Name: assessments_current; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX assessments_current ON public.assessments USING btree (experiment, trace_id, name_key, source_type, source_id);


--
-- Name: eval_results_by_trace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX eval_results_by_trace ON public.eval_results USING btree (trace_id);


--
-- Name: judge_examples_by_trace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX judge_examples_by_trace ON public.judge_examples USING btree (experiment, trace_id);


--
-- Name: judge_guideline_sources_by_trace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX judge_guideline_sources_by_trace ON public.judge_guideline_sources USING btree (experiment, trace_id);


--
-- Name: label_session_items_by_trace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX label_session_items_by_trace ON public.label_session_items USING btree (experiment, trace_id);


--
-- Name: trace_tags_by_value; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX trace_tags_by_value ON public.trace_tags USING btree (experiment, tag_key, tag_value, trace_id);


--
-- Name: traces_by_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX traces_by_time ON public.traces USING btree (experiment, created_at, trace_id);


--
-- PostgreSQL database dump complete
--


