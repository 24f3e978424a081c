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
-- Name: eval_result_examples; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.eval_result_examples (
    run_id text NOT NULL,
    trace_id text NOT NULL,
    judge_name text NOT NULL,
    "position" integer NOT NULL,
    example_trace_id text NOT NULL
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
    settings text NOT NULL,
    kind text DEFAULT 'Evaluation'::text NOT NULL,
    judge_name text,
    judge_version integer,
    forgotten_traces integer DEFAULT 0 NOT NULL
);


--
-- Name: experiment_disagreed_traces; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.experiment_disagreed_traces (
    run_id text NOT NULL,
    "position" integer NOT NULL,
    trace_id text NOT NULL,
    disagreement double precision NOT NULL,
    labels text NOT NULL
);


--
-- Name: experiment_fold_traces; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.experiment_fold_traces (
    run_id text NOT NULL,
    fold integer NOT NULL,
    role text NOT NULL,
    "position" integer NOT NULL,
    trace_id text NOT NULL
);


--
-- Name: experiment_reports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.experiment_reports (
    run_id text NOT NULL,
    report text NOT NULL
);


--
-- Name: experiments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.experiments (
    name text NOT NULL,
    created_at bigint NOT NULL
);


--
-- Name: forgotten_traces; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.forgotten_traces (
    experiment text NOT NULL,
    trace_hash text NOT NULL,
    forgotten_at bigint NOT NULL
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
-- Name: judge_names; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.judge_names (
    experiment text NOT NULL,
    name text NOT NULL,
    last_version integer NOT NULL
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
    base_version integer,
    label_title text,
    label_instruction text,
    label_comment text
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
-- Name: label_steps; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.label_steps (
    experiment text NOT NULL,
    session text NOT NULL,
    reviewer text NOT NULL,
    step bigint NOT NULL,
    trace_id text NOT NULL,
    assessment_id text NOT NULL,
    value text NOT NULL,
    rationale text,
    replaced_value text,
    replaced_rationale text
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

INSERT INTO public.assessment_history VALUES ('default', 'imp-c311abf4e5636dcdd4ab5ab4', 'fx-02', 'helpfulness', 'helpfulness', 'true', 'ann on fx-02: helpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, 'F41054878437C2B237FBF176FE2D8482', 639321221449067305);
INSERT INTO public.assessment_history VALUES ('default', 'imp-464373eec6a0dba54850e3e6', 'fx-06', 'helpfulness', 'helpfulness', 'false', 'ann on fx-06: unhelpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, 'C0B197FD097D97EC038ED7B8C788F328', 639321221449134340);
INSERT INTO public.assessment_history VALUES ('default', 'imp-531e917820b523e27594a413', 'fx-11', 'helpfulness', 'helpfulness', 'false', 'ann on fx-11: unhelpful.', 'HUMAN', 'ann', 639055368000000000, 639055368000000000, '64221C16AA108CD84ADCB6A78C977A23', 639321221449149642);


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
-- Data for Name: eval_result_examples; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-11', 'helpfulness', 0, 'fx-08');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-11', 'helpfulness', 1, 'fx-06');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-11', 'helpfulness', 2, 'fx-03');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-11', 'helpfulness', 3, 'fx-03');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-10', 'helpfulness', 0, 'fx-03');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-10', 'helpfulness', 1, 'fx-03');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-10', 'helpfulness', 2, 'fx-01');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-10', 'helpfulness', 3, 'fx-01');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-09', 'helpfulness', 0, 'fx-07');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-09', 'helpfulness', 1, 'fx-07');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-09', 'helpfulness', 2, 'fx-01');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-09', 'helpfulness', 3, 'fx-01');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-09', 'helpfulness', 4, 'fx-03');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-12', 'helpfulness', 0, 'fx-07');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-12', 'helpfulness', 1, 'fx-07');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-12', 'helpfulness', 2, 'fx-03');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-12', 'helpfulness', 3, 'fx-03');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-13', 'helpfulness', 1, 'fx-07');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-13', 'helpfulness', 2, 'fx-07');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-13', 'helpfulness', 3, 'fx-03');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-13', 'helpfulness', 4, 'fx-03');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-14', 'helpfulness', 1, 'fx-01');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-14', 'helpfulness', 2, 'fx-01');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-14', 'helpfulness', 3, 'fx-08');
INSERT INTO public.eval_result_examples VALUES ('run-175eea12aac4', 'fx-14', 'helpfulness', 4, 'fx-03');


--
-- Data for Name: eval_results; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.eval_results VALUES ('run-175eea12aac4', 'fx-09', 'helpfulness', 'true', 'Local judge (no model): P(true)=0.59 from 5 similar example(s) (prior 0.55; prior weight 11): fx-07 (true, similarity 0.44), fx-07 (true, similarity 0.44), fx-01 (true, similarity 0.22), fx-01 (true, similarity 0.22), fx-03 (false, similarity 0.20).', NULL, NULL, 'memalign-local-judge', 0, 0, 1290.9899, 639321221503977934, 0);
INSERT INTO public.eval_results VALUES ('run-175eea12aac4', 'fx-11', 'helpfulness', 'true', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1290.4779, 639321221503979815, 1);
INSERT INTO public.eval_results VALUES ('run-175eea12aac4', 'fx-10', 'helpfulness', 'true', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1291.0892, 639321221503977936, 1);
INSERT INTO public.eval_results VALUES ('run-175eea12aac4', 'fx-12', 'helpfulness', 'true', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1234.657, 639321221504169917, 1);
INSERT INTO public.eval_results VALUES ('run-175eea12aac4', 'fx-13', 'helpfulness', 'true', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1240.4811, 639321221504235223, 1);
INSERT INTO public.eval_results VALUES ('run-175eea12aac4', 'fx-14', 'helpfulness', 'true', '[withheld: this verdict drew on examples of traces since forgotten]', NULL, NULL, 'memalign-local-judge', 0, 0, 1245.5056, 639321221504285935, 1);


--
-- Data for Name: eval_runs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.eval_runs VALUES ('run-175eea12aac4', 'default', 'evaluate helpfulness@2', 639321221490753889, '{}', 'Evaluation', 'helpfulness', 2, 0);


--
-- Data for Name: experiment_disagreed_traces; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: experiment_fold_traces; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: experiment_reports; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: experiments; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.experiments VALUES ('default', 639321221440705063);


--
-- Data for Name: forgotten_traces; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.forgotten_traces VALUES ('default', 'F2309AB40BE21E28734CA08CCC46CF37B45537FB3A7AE05B7CD5E1E515E371D9', 639321221513263062);


--
-- Data for Name: judge_examples; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 0, 'imp-101b98e1bc50ebcf25ca82eb', 'fx-01', 'true', 'ann on fx-01: helpful.', '{"inputs":"What are your store hours?","outputs":"We\u0027re open Monday to Friday, 9am to 6pm."}', 'inputs', '\x7c547c3cba562f3dbab79e3b373c5e3d3e42f5bbcc9445bc16a9eabb64fce9bbdad911baf5755f3ba3798bba403796bc33f88b395e26e4ba9ed2443dc5afb2bc378a563d2b8324bdddf386bd89253cbd44c2e8ba8f63d8bbf9a5a73c65c8af3cc38dc33c8abc3b3ddd91f6bcc6584e3d123eff3b81ef2abd02764dbd3b0b52bdb202b03dd056053d7d16b83c14bf32bccb4f383d6e7a86bd06898c3d807a003cbdae173dd5127d3cfe8293bd85ac433dbbf82e3c82ed683cfbbf923c0a16a23cafc84c3d8fc4e53d7f5e923d8b01c83d447477bc819e0c3ddb1eafbc0a0ad33dc7d0463c1f5fc43c85c3e03d8094843dfe47d53a1b4fe0bca3ef25bd4d10733dba2150bc786ba3380f7ccebdb4724d3d655b7abd5910a0bd195ae3bda9d8f8bcda0d06bd9dd8a73c96eb4b3c9302c13c726a743d2a2890bd2fb5e53cbe962bbd1bf0baba2ef38dbd59666339369ed93c50de0f3d0da359bd37e87c3df047423e2f3e4b3dba6cb1bc742d493db914223dd410aabd1cd954bd673c9bbd5ef3febcfa65163ddccf253d969e28bb8375fa3cad2ca33c0453943cb6fd2b3d294153bc11b8c4bbd0f283bd17c447bc19b1eb3ddc5387bd25b3cabce09102bdb1b9003c90291c3d782393bd9c1e423d2abab83d374b7b3c53b202bbee665b3de6d1cf3bda0d033dac94be3d2729943de59d9abd1107cdbd59ce953d15a91ebdae57ab8972f812bd914b96bc1436c2bd1159e03b6daa753d4e61a9bd2e70763cd56929bbf7252f3d5f11a73d72e71abd0586523b5da779bd8ecf17bdf68fb6baf1a8e83de8e29b3def36813daf2d16bd9cf7b1bc82de40bda1fe6bbd26e475bdb4edfd3c347c21bd1a0e663b62608cbcf9c5833c3b65e73de963f03b99e9d13d20af48bca509efbc56418e3da9572b3dad0f31bcb63b053dbef659bc9760a3ba88d78cbd374ccabc83a4a83c9255a33d50dd07bd6b268f3de92e383df14a52bc716c5dbd889ef8bcc143ca3d92c2dfbdb5008abb517f45bcd96b593d20f928bd731c47bcde1282bcb2d9ecbd130047bc47102c3d9200303df5dccc3dcde7fdbc4cde95bd79989dbc1a728a3bf23224bd111844bdda012d3dd28cce3c19be323dd96bed3c1a95823dec0265bdd868253d6bd3d8bc6b318c3cdf22683dd9c8a0bd117e22bcfd3e703dd94d033d673b293de18e3a3d28e6babc7f6a2ebc2647bebcb7b26a3c3de8d7bcc42fb2bcc539b8bd405e27bc80d47e3d42ffa5bcefe4a5bdeb43ae09b012c63da47f87bd55760ebd3d788b3d81227cbd34ac713b9e3e37bdb0cdf23d8b8061bb7162f83c26d828bd5f2737bc3fa37d3dca6921bd8bf11c3cd34e413cf73fb53dac19d03c4758833db9806cbd2d4de43c419f9dbc32adcfbcf20fae3cc7ba283d5141013d45c6c13b3c1c233b192b95bd68cdf8bb1ebfa9bd1e7480bdc84488b9d545953d201814bd5b5144bdce0d7bbdeb2ea33d5db0103dac5cad3c953b92bb575212bdbc0cdbbc28f5763d8872bebc948bbd3d5c67e1bc2b9bb7bd545ab0bc1523efbc8c6853bd6d8cfebc014129bd17e0afbd9d4b71bc6ae9f23b63ac503d44f912bd1c1c26bd9829153c92cca43d3ee5fe3c0ffa993a0f44f73c4ee4d1bca4c0163c758c653d4e04d7bc0cddbd3cb6b897bc4bb6773a6c82003d8bcf3dbc261229bd38d120be71e191bcfd089c3d051302bc30b83cbd42a4083caae993bdfeba7abcfb07273d021dc1bc6b1faebdbdb592bc2b653c3de7512f3d6b76b93c71a61abd2f9ca83cf2f9e23d05ecc5bdd9442c3d098b6e3bfb2f6cb22beb923d1936e53ca6889dbba91ec6bc051c513de1aa53bdf0e7553def53f33a57a14c3d6b862b3c3f71ee3d5c7a7abde12f84bd238aefbc588dabbc38ee1fbd5a09f63c9d333a3ce709723c11d638bbbe081a3d3127843dcf0b153d151d91bc3fb9ab3c3803933c1cca303dcac5303d06ddd03c76999f3d93996c3d1b63363db81853bd07e73fbd52879cbd6f0cf4bd87d884bd00305abd851a76bdc814a23d09a1b93ce566c2bd0a02b9bd34b838bdf7dd093defbff93c73a953bcc9a8923ca3b9a33c4d4f323db34710bc2b2c09bcb314393d3821ccbd37db253dbee555bcc80f113d8563a6bdf4e1fd3cc048f2bcc0a7fe3cf6f086bd083fb2bd5d49b3bc', '016F563028BDFE7E60AF11046D92592A', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 1, 'imp-bc77912ca62beda1bbc2f052', 'fx-01', 'true', 'bob on fx-01.', '{"inputs":"What are your store hours?","outputs":"We\u0027re open Monday to Friday, 9am to 6pm."}', 'inputs', '\x7c547c3cba562f3dbab79e3b373c5e3d3e42f5bbcc9445bc16a9eabb64fce9bbdad911baf5755f3ba3798bba403796bc33f88b395e26e4ba9ed2443dc5afb2bc378a563d2b8324bdddf386bd89253cbd44c2e8ba8f63d8bbf9a5a73c65c8af3cc38dc33c8abc3b3ddd91f6bcc6584e3d123eff3b81ef2abd02764dbd3b0b52bdb202b03dd056053d7d16b83c14bf32bccb4f383d6e7a86bd06898c3d807a003cbdae173dd5127d3cfe8293bd85ac433dbbf82e3c82ed683cfbbf923c0a16a23cafc84c3d8fc4e53d7f5e923d8b01c83d447477bc819e0c3ddb1eafbc0a0ad33dc7d0463c1f5fc43c85c3e03d8094843dfe47d53a1b4fe0bca3ef25bd4d10733dba2150bc786ba3380f7ccebdb4724d3d655b7abd5910a0bd195ae3bda9d8f8bcda0d06bd9dd8a73c96eb4b3c9302c13c726a743d2a2890bd2fb5e53cbe962bbd1bf0baba2ef38dbd59666339369ed93c50de0f3d0da359bd37e87c3df047423e2f3e4b3dba6cb1bc742d493db914223dd410aabd1cd954bd673c9bbd5ef3febcfa65163ddccf253d969e28bb8375fa3cad2ca33c0453943cb6fd2b3d294153bc11b8c4bbd0f283bd17c447bc19b1eb3ddc5387bd25b3cabce09102bdb1b9003c90291c3d782393bd9c1e423d2abab83d374b7b3c53b202bbee665b3de6d1cf3bda0d033dac94be3d2729943de59d9abd1107cdbd59ce953d15a91ebdae57ab8972f812bd914b96bc1436c2bd1159e03b6daa753d4e61a9bd2e70763cd56929bbf7252f3d5f11a73d72e71abd0586523b5da779bd8ecf17bdf68fb6baf1a8e83de8e29b3def36813daf2d16bd9cf7b1bc82de40bda1fe6bbd26e475bdb4edfd3c347c21bd1a0e663b62608cbcf9c5833c3b65e73de963f03b99e9d13d20af48bca509efbc56418e3da9572b3dad0f31bcb63b053dbef659bc9760a3ba88d78cbd374ccabc83a4a83c9255a33d50dd07bd6b268f3de92e383df14a52bc716c5dbd889ef8bcc143ca3d92c2dfbdb5008abb517f45bcd96b593d20f928bd731c47bcde1282bcb2d9ecbd130047bc47102c3d9200303df5dccc3dcde7fdbc4cde95bd79989dbc1a728a3bf23224bd111844bdda012d3dd28cce3c19be323dd96bed3c1a95823dec0265bdd868253d6bd3d8bc6b318c3cdf22683dd9c8a0bd117e22bcfd3e703dd94d033d673b293de18e3a3d28e6babc7f6a2ebc2647bebcb7b26a3c3de8d7bcc42fb2bcc539b8bd405e27bc80d47e3d42ffa5bcefe4a5bdeb43ae09b012c63da47f87bd55760ebd3d788b3d81227cbd34ac713b9e3e37bdb0cdf23d8b8061bb7162f83c26d828bd5f2737bc3fa37d3dca6921bd8bf11c3cd34e413cf73fb53dac19d03c4758833db9806cbd2d4de43c419f9dbc32adcfbcf20fae3cc7ba283d5141013d45c6c13b3c1c233b192b95bd68cdf8bb1ebfa9bd1e7480bdc84488b9d545953d201814bd5b5144bdce0d7bbdeb2ea33d5db0103dac5cad3c953b92bb575212bdbc0cdbbc28f5763d8872bebc948bbd3d5c67e1bc2b9bb7bd545ab0bc1523efbc8c6853bd6d8cfebc014129bd17e0afbd9d4b71bc6ae9f23b63ac503d44f912bd1c1c26bd9829153c92cca43d3ee5fe3c0ffa993a0f44f73c4ee4d1bca4c0163c758c653d4e04d7bc0cddbd3cb6b897bc4bb6773a6c82003d8bcf3dbc261229bd38d120be71e191bcfd089c3d051302bc30b83cbd42a4083caae993bdfeba7abcfb07273d021dc1bc6b1faebdbdb592bc2b653c3de7512f3d6b76b93c71a61abd2f9ca83cf2f9e23d05ecc5bdd9442c3d098b6e3bfb2f6cb22beb923d1936e53ca6889dbba91ec6bc051c513de1aa53bdf0e7553def53f33a57a14c3d6b862b3c3f71ee3d5c7a7abde12f84bd238aefbc588dabbc38ee1fbd5a09f63c9d333a3ce709723c11d638bbbe081a3d3127843dcf0b153d151d91bc3fb9ab3c3803933c1cca303dcac5303d06ddd03c76999f3d93996c3d1b63363db81853bd07e73fbd52879cbd6f0cf4bd87d884bd00305abd851a76bdc814a23d09a1b93ce566c2bd0a02b9bd34b838bdf7dd093defbff93c73a953bcc9a8923ca3b9a33c4d4f323db34710bc2b2c09bcb314393d3821ccbd37db253dbee555bcc80f113d8563a6bdf4e1fd3cc048f2bcc0a7fe3cf6f086bd083fb2bd5d49b3bc', '016F563028BDFE7E60AF11046D92592A', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 2, 'imp-c311abf4e5636dcdd4ab5ab4', 'fx-02', 'true', 'ann on fx-02, second look: still helpful, clearer now.', '{"inputs":"Thanks for your help!","outputs":"You\u0027re welcome! Let me know if you need anything else."}', 'inputs', '\x41b94dbd686f3bbc07e68ebde5b59cbd910d1b3d1b26633d2776f4bd432698bd159d66bd5712babcbde4e83d4a6a133cf4f824bd36699d3d2749cf3ccb289f3d6754cdbb478f813c00d4273d43597e3d08e7c43dd8ea9ebd76b94cbde5991f3d0b0c103d12ff07bd2c23afbdc6de173d71d4bf3d10503fbd63cc1bbea252083b950d583dcc1fd13c96c1b63da33f66bce02482bc6aea05bdcb46a63c0aac273ce14b453dd7168a3dc6311a3d163bef3b948f85bd4a384a3c32164bbd927afcbc8016a33d3494483d0e78e13cbea378bda07f41bddf78d23c882de73c9e03d1bb749f51bc7ae552bc4f409a3d64c22d3c521f31bdef672fbdb2e2cabd55f8663c82981a3c8560c439ddaacbbdbd7e1ebd6463a9bcedc071bd985c303d4e81843a0689693c144efe3c8a8a9d3c76de823c82f414bcb7dda2bd1957d23cb9de18bd5c81c1bde6ba9c3d2ee5963c49fd58bd9d7d3b3c8ade8bbd9fb6e0badadc0d3d6973c93cc99431bd209713bc59ea283df4e65b3dc57f3bbc2c7db9bd10d4a23d01293a3dd1365f3c8f3a2cbd670d85bd105c913cf55513bbd6d25dbc57fcf43d7f40863b2da3d6bcd371343ce08cb33d21b8a5bd0db541bd0c0470bdcf7b5bbcc57bd33daa04d43cfc88fa3ca340b13d1ebf9abc928e633cbe46e13ce2861ebb694ba23dc99388bc0fe0003ddf2c66bd289f9fbd507d49bdd095ab3cf17905890dbfb63a2ee49e3d980bd03cc187933dac993b3ce89606bc75d38fbcf1ce17bcea4bb1bd6871a43c99008cbddb0ea1bd208b4b3cbca413bd6092c13caa2f6cbdb63fb5bdd91fa93c31ca3dbd6d85d5bb0eededbc458b2e3dee943fbd1ed622bde30783bdeb7d7cbcb642a53b956ee2bd97278b3dab79333dc31766bd04e0a2bd080e04bdda3e54bcaf30c33ccfd7563daf2e9b3a04d109bd32b07dbb1295f7bc69251bbc9c39983bf700fcbcc091923c50ffc33d0c8649bc42588f3dfdf7abbae637c83dfe57e6bbe5a56dbdfb408b3a1108833cda8d34bd22fab63c5a54003caaf7343d1aee973d66518f3c28fa4cbc9a689b3def8bf2b9f34f4e3d9a3277bd8fe4083dd635e43db50185bd4fd43cbc8a1e2fbc87bc083d021145bd7bedee3ca8acc73d5d8fa33d1c11debb895e9c3c9f4190bda6ae85bdf5743d3dad9ed53d57d02fbd255eb3bdbdc217bb17880abd9847c9bd6e09bcb9e655f33ce62125bd731569bd070d49bcde1153b9dafd833bfd3df73bbed1143ddf3e83bd23d9f3882726ffbb3664f7bcc10e49bd4e5e0dbd6d0cf13b6d4884bb3d9aff3dee85d83d21b78f3d99299ebc5229a93c2a6d6e3cdf29e2bde5d7a4bd8e67a83cbf98903d1a41d8bcedfb7dbd5b23ce3ba5d1a0bb8634f1bd7b01193da4fe4fbd4dc22abc02ef953b03f38e3d97865c3d4d9dc33b688577bd06882cbd426969bdfb7f523cf6803dbdcba8623c96e6a0bd58b0453da1e44f3ded079ebd33668d3c4d5fb83c883c8bbb204161bdc7660d3e6b68e23d754584bd6096d63cb17dd03dc2184bbdd2587abd5a2be53d0bfa73bb67fdf8b9188935bde774e3bcc8858ebcacbe033d91773d3dad43373dc02ed9bc8ab08cbd6b3054bd73c6fc3d5fe0093c607b28bcce662d3de08bd7bbe27c3f3d5dc9273ddf33a1bde507d2bc978c4c3bc05ab53d2d11c53c2bd1cebc44178dbde8ca93bdd3329e3dd95ee7bcd5ed16bc6b5028b9649ddebcf9c7bebbedf755bdbdaca2bd7d8961bbe04acc3b4997a83db6ab6c3d7956eabcd20e3b3ae36886bd1a53353d75b78b3d7874023c62667e3ba5c7b7b2def1973d50f1313dc6c18c3db9279a3db58f9bbc61561d3d624f723dcd9017bd7a57523aa9462d3df5faa0bc200defbc69b15ebca7a3103d0e4419bd35453cbdf5d9c93cd09460bce88abcbc335b3dbd8daaacbc251b23bd8100963d7220d03cdf94653dad81413dcf6f313db383373d21f7ebbc28bd25bd6226f3bca017fcba6b4dac3c032965bdb2d7d03caf4c6d3d9325a73b0e5c603dab2d5abbfc6554bde65e1f3d1795a1bd7d5622bcc79d15bc547b48bd47ccc03cf2a1483c6e0927bddc8f5c3dbb3162bd0f18e43cbacf903a2c5c4b3dbc93f0b53258d83ce25239bc3e28c83db4baae3c05fce4bbb0f0473d6cdc793d33caa8bb0b4384bc5134ca3c', '365227CEF6D77093CC60F9CD29175570', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 3, 'imp-7d800bda7f80e8c76033d2c9', 'fx-03', 'false', 'ann on fx-03: unhelpful.', '{"inputs":"Can you help me track my order?","outputs":"Figure it out yourself."}', 'inputs', '\x7c25dbbb64773cbd7ec0963d0417333b749f393d9e77713dd1adfcbb0fc582bd9f2f86bcc82876bc9ae6943c6ba0573c18f5d73cd3384cbda591c1bd7aa692bcf72dfe3cbebb0abdc697c6bd65d2e8bc6a47a9bd12db8fbc8928243a9ea22b3d4e335bbced8e133dd32586bdfe307b3c811c8dbdd0a523bec122bebb2db32fbc63a5903d4911783d9d9f6a3d16d1e3bd9ded44bdd1d4d7bd8440623db8d000bb91106dbc1b10e0bce4b8493d6b5c2b3de6b9733bf965653b86b716bd95949e3d1d5416bca862a23d481a24bd04e1a8bcc6b511bdf786213d7dd036bd84cd0d3e61147f3d254c7bbce5a23cbd864c40bc001d0a3df6c0e2bc9bfd8fbd38eded384d8aa4bdb152ccbc8ed424bdf6e53a3c12570ebdaf02c43be93c4b3d3278113d14c4723dcb67a83d95edac3a5608933977d67e3db76490bcc2b81dbde9307fbde527abbdc0a9d8bda38993bdbfd73d3d3ce2703db330abbdf53c4a3d486a603d646481bbc7e0303c211f1a3ddf235f3d19ae233d08de86bd54243bbdd4351c3d84a42a3d87272c3ce3cb9dbce9f6a63d1a034e3df638883d695134bbf006233c154cbe3c709963bdfe069ebda8874e3d70fd323c03fcbabb1eb389bc762773bb9367273c44ce80bcdc8078bb998bd53c39ab96bc5e56a93d28b58c3df8b1e6bd199908bc276d3e3deebd9b3bf4a46cbdcd1172bd8144b73de459d03da095e489ea6981bca89a3ebcb17c9d3ca68fafbd58944e3d142dd5bc39e51dbde1bd38bda87f6fbda110353c696c88bdaff3883dae99923c27e40a3d532f8fbddfd809bd573b873dc41a4f3dddf8a4bcd874debbc78082bc0cdcb3bd583321bd8a6342bcb66b713d2e1e893cc2da81bc690e723d5be5523d29c8983cc09d373df3e29ebcc566843bb9ea47bd491c8d3b80e82ebd56fe1bbd5fb467bd592fbc3cc71a7fbd2d2d673c3593a23cb91537bd9a812a3c7a5ddbbdbd40c43d3a5f973b78528e3c2649dc3de670bf3c202095bda5aff2bbef0d28bda523a23ceace0abbe8b77bbdd2299d3c85ea9bbd9992213d330b79bd46bfc53d48bf06bdbc6304bcd65c78bc5e75183d763b02be368c69bcfc33e2bc6374273d7659113df4d05cbc76f5073dbd5fa93d1f1efbbbd1be173e5137603d348538bd26b6483c2d4a6dbdd650a2bd42ac03bd23ddbdbc6f38323d8331c63dae08dc3c18d0443d6021b03c64868f3dd0cc7fbba9f4f23c3c78dfbc8e394b3c1e4c063d64fded3cd1f340bdc8ae8b0914690dbd29ab423d326ea73daba52abd0398a53d838777bc422b7abdc661293dc342003d2319353d117bcdbcfe492b3d50f6fcbaa23edebcc4a7823d5b90433dff91a73d709b1abddc7dff3c7ffa87bd9b2d8bbd14ed243be26fdabcdd5565bcc49ac9bc67b3da3c9a5e1b3eaa8c913b431a4f3ca80b19bd2b1d3d3b7845a1bd2f89da3c21eaa23dacbe7a3bb17797bc35c416bd49ec813d23566c3cfb603a3da0b565bdf1e2c63c621c41bc7dcdde3c19ec31bd604ca1bd9a00c63ac56bc63c9141943bcc48273db23b09bdc441853d163aaa3bf9bd19bc9ed112bd4c28b43da3a63a3c157e333ce5ac163d0435c4bc3e588abdedd2983d1431fc3a6e1d2fbd34ac2b3d8a67873be8b4313d3d2ba4bd25972e3d97a4c03ba18a5bbd9ed27ebc8fe9433a5871de3c26cc573c9bd827bd2b84f03cb2e8b53aaf9d1abd6d68f7bcbb7e3c3d6f3312bccb6e533d04b2b53cdab103bddfa3a0bcbc2d9c3ce6e6973a3247153dd359e23c5d1be13c6f2a883c44238ebc79f8e6bcc827f4bbb4d19bb255c8d93c60e067bdb4fd4e3d05e6dc3d80c7ae3d95a037bca0dd283de667983d268501bdb1adebbb9b41083cf831b73b01b5c1bd9d1c01bdbce190bc33baabbd4f2525bd052dfdbcbd5911bdde1cb2bdf179cfbd6e1c723dfeaab33d445de5bc5cd679bcbcadd53b1549873d6272cb3d0390783dcc5e123dc1991d3d5943c23d8f49203d9a7d62bdf40848bda0fa93bd2ffc09be0e188dbd66dcec3bd1389cbc00316a3dddec9dbc4d67563c86b84f3d2907563d26908bbda2b3d3bc603b16be5529983cb21940bc61e753bd7ac4b3bdf15a873dded99c3df5e09dbc924b663d073c723cb2a562bdf82f063dd2ba363ddce31a3b460a83bd768025bdcbbccc3a', '2BDE4CBD24EEA0C6E6137FD41C798CA5', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 4, 'imp-909d96f7aae8c76af41aeaf4', 'fx-03', 'false', 'bob on fx-03.', '{"inputs":"Can you help me track my order?","outputs":"Figure it out yourself."}', 'inputs', '\x7c25dbbb64773cbd7ec0963d0417333b749f393d9e77713dd1adfcbb0fc582bd9f2f86bcc82876bc9ae6943c6ba0573c18f5d73cd3384cbda591c1bd7aa692bcf72dfe3cbebb0abdc697c6bd65d2e8bc6a47a9bd12db8fbc8928243a9ea22b3d4e335bbced8e133dd32586bdfe307b3c811c8dbdd0a523bec122bebb2db32fbc63a5903d4911783d9d9f6a3d16d1e3bd9ded44bdd1d4d7bd8440623db8d000bb91106dbc1b10e0bce4b8493d6b5c2b3de6b9733bf965653b86b716bd95949e3d1d5416bca862a23d481a24bd04e1a8bcc6b511bdf786213d7dd036bd84cd0d3e61147f3d254c7bbce5a23cbd864c40bc001d0a3df6c0e2bc9bfd8fbd38eded384d8aa4bdb152ccbc8ed424bdf6e53a3c12570ebdaf02c43be93c4b3d3278113d14c4723dcb67a83d95edac3a5608933977d67e3db76490bcc2b81dbde9307fbde527abbdc0a9d8bda38993bdbfd73d3d3ce2703db330abbdf53c4a3d486a603d646481bbc7e0303c211f1a3ddf235f3d19ae233d08de86bd54243bbdd4351c3d84a42a3d87272c3ce3cb9dbce9f6a63d1a034e3df638883d695134bbf006233c154cbe3c709963bdfe069ebda8874e3d70fd323c03fcbabb1eb389bc762773bb9367273c44ce80bcdc8078bb998bd53c39ab96bc5e56a93d28b58c3df8b1e6bd199908bc276d3e3deebd9b3bf4a46cbdcd1172bd8144b73de459d03da095e489ea6981bca89a3ebcb17c9d3ca68fafbd58944e3d142dd5bc39e51dbde1bd38bda87f6fbda110353c696c88bdaff3883dae99923c27e40a3d532f8fbddfd809bd573b873dc41a4f3dddf8a4bcd874debbc78082bc0cdcb3bd583321bd8a6342bcb66b713d2e1e893cc2da81bc690e723d5be5523d29c8983cc09d373df3e29ebcc566843bb9ea47bd491c8d3b80e82ebd56fe1bbd5fb467bd592fbc3cc71a7fbd2d2d673c3593a23cb91537bd9a812a3c7a5ddbbdbd40c43d3a5f973b78528e3c2649dc3de670bf3c202095bda5aff2bbef0d28bda523a23ceace0abbe8b77bbdd2299d3c85ea9bbd9992213d330b79bd46bfc53d48bf06bdbc6304bcd65c78bc5e75183d763b02be368c69bcfc33e2bc6374273d7659113df4d05cbc76f5073dbd5fa93d1f1efbbbd1be173e5137603d348538bd26b6483c2d4a6dbdd650a2bd42ac03bd23ddbdbc6f38323d8331c63dae08dc3c18d0443d6021b03c64868f3dd0cc7fbba9f4f23c3c78dfbc8e394b3c1e4c063d64fded3cd1f340bdc8ae8b0914690dbd29ab423d326ea73daba52abd0398a53d838777bc422b7abdc661293dc342003d2319353d117bcdbcfe492b3d50f6fcbaa23edebcc4a7823d5b90433dff91a73d709b1abddc7dff3c7ffa87bd9b2d8bbd14ed243be26fdabcdd5565bcc49ac9bc67b3da3c9a5e1b3eaa8c913b431a4f3ca80b19bd2b1d3d3b7845a1bd2f89da3c21eaa23dacbe7a3bb17797bc35c416bd49ec813d23566c3cfb603a3da0b565bdf1e2c63c621c41bc7dcdde3c19ec31bd604ca1bd9a00c63ac56bc63c9141943bcc48273db23b09bdc441853d163aaa3bf9bd19bc9ed112bd4c28b43da3a63a3c157e333ce5ac163d0435c4bc3e588abdedd2983d1431fc3a6e1d2fbd34ac2b3d8a67873be8b4313d3d2ba4bd25972e3d97a4c03ba18a5bbd9ed27ebc8fe9433a5871de3c26cc573c9bd827bd2b84f03cb2e8b53aaf9d1abd6d68f7bcbb7e3c3d6f3312bccb6e533d04b2b53cdab103bddfa3a0bcbc2d9c3ce6e6973a3247153dd359e23c5d1be13c6f2a883c44238ebc79f8e6bcc827f4bbb4d19bb255c8d93c60e067bdb4fd4e3d05e6dc3d80c7ae3d95a037bca0dd283de667983d268501bdb1adebbb9b41083cf831b73b01b5c1bd9d1c01bdbce190bc33baabbd4f2525bd052dfdbcbd5911bdde1cb2bdf179cfbd6e1c723dfeaab33d445de5bc5cd679bcbcadd53b1549873d6272cb3d0390783dcc5e123dc1991d3d5943c23d8f49203d9a7d62bdf40848bda0fa93bd2ffc09be0e188dbd66dcec3bd1389cbc00316a3dddec9dbc4d67563c86b84f3d2907563d26908bbda2b3d3bc603b16be5529983cb21940bc61e753bd7ac4b3bdf15a873dded99c3df5e09dbc924b663d073c723cb2a562bdf82f063dd2ba363ddce31a3b460a83bd768025bdcbbccc3a', '2BDE4CBD24EEA0C6E6137FD41C798CA5', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 5, 'imp-241fa62939a72e675fa983bf', 'fx-04', 'false', 'ann on fx-04: unhelpful.', '{"inputs":"I have a question about returns.","outputs":"Whatever."}', 'inputs', '\xb34617bd8abc5b3d17ba67bc3e13903dd3ade0bcaa20ea3c485d96bb64258e3cd2f6e63cd47b863c4ac1263d2a01363d3a4329bd70aaf5bccdd536bdfdd49ebd64b2f9391638f43cedd5b5bd0bc5be3c44f99c3db4adbabd262f61bdae53e8bc796db93d53b510bceb6579bd61b41c3d7f5b9bbc4649a7bd8062253df53e96bb18e6a1bd488e90bbfe0a99bc1d0a953d2caeff3ccd09a9bc0bdbe33b9844213ddc7382bd4307a1bcaf6ecd3c5329663c19c887ba3b180bbd8b84a9bced061a3df27e933ddcec553c6972ee3c1a5ecc3dcb87eabdf62bc63cdc10c43c71d8b23dbeb55cba6c41f3bc04fe1ebdddf9db3a1f7913bb4e4620bd1e9557bdf241673d70a7033eea87bebdd4c8ecbcf937a6bd372811bd4090a5bdb4c22b3db0980bbd88502ebd64fcf6bcbaa0e73cfc6da8baec2e203c9961173d7c219a3bab56bd3c79096d3d2459f6bce1f72fbd966586bd9c1a223d6b567a3cd0f84f3dbe00853d175e033e7e54383d613b4e3d5de931bd21c4b0bc3262af3c9c71febc8e51463cf5b892bc8f6ece3bce78943df07c583d9cfd4a3d6c7891bc985584bcbf85bfbdae43eebce183e6bd0351003d85ed093d735cabbc35ff85bc1f4101bd1898143d810e983d2225873d869845bdbea5b6bc00eec9bd1ed20fbd27fa32bdd4e592bd5b68aa3db5e8bc3d66cb983ddd7f993ccc7cbbbd133783bde0cc863d7bb6348ad300e4bd3240a0bd3ba64b3d44b12dbd6cc68dbc860c42bdd37737bc25aea2bbecc51a3d9531dcbc39ec5dbdd0528b3d8f46033db9fff23b4213fcbc312c6a3d6e8e633df9d1513db67a6e3c2eecc2bcdc0f76bcc55fd7bbff26573d012a7d3ce6c21cbc39bfccbdacd99fbd604899bc3dfaf4bc9b6115bc4e6a5e3d7bc6a33cf078363a299375bde0025dbc1c83ce3d497bb83d405af13b24f5603c8c13fa3b1e4635bdf79ba239e9d47fbdbe082e3c11c6b8bc28ecdcbd71c4903dc25c61bcdf60a8bd2a359ebae7729dbb7304063c36aac73cd16e963cdb5f5cbb93bfe43c1e76573d1182353dc186c5bd3bb1ff3bb25294bc4f6cc5bc6b9dabbcaa12403bd59928be2755453d78bc893dbfae1a3d86724a3ca507ed3d946ba33cdbae22bd56eaa7bc8c0a91baa7de8c3d09092b3b0e9634bcb5f3bebcfda7a83d82e9e0bccc3ec0bb8146cdbc201086bdb0cef53cce240f3d25064e3d71564d3de97aafbde16ae23d0db55a3bc397c43b1d58c1bdeaac653d7b72e6bcef55af3de2269309b9433bbd9d688e3d6c57cabcd98341bdafecadbd537e79baa033cbbcdee3973c64648bbd7913973d48c510bcba9940bd520ec03c7eba4e3c9680053d8b5608bc80f4573d91365abddb81953cbe3800bd22060a3c719907bdf974e33c769825bd2c0b85bd4ba2b43de7dd87bc1e4dcbbc03f674bd76b998bd71a4323db3f8a6bd0d6c8ebc171cfd3c8af9323cb8a92dbc84abc53c502aa8bd6fa3f23ce64a5c3d352eb23de9d005bd0205753d8ababb3a89a4b53c2553d5bd555d4d3dfe43e5bb5544213eb7125cbdb5e4203d0bdf323d8d874cbce6df4e3cff1a00be4c9d913de4dbfb3cbc9710bd115fbd3bad8f343d8cfc57bd726091bc4f0868bd89699d3deb33f4bcf10635bd81dad4bc1356babda3a8893dad77c0bd20b226bd931d73bdfc77013d11735bbd4ae0c63b748fec3d73cd81bdff03e1bcdea3e83ca5ce4b3d5f9b94bce0a9063d171fb33c71459c3cf8e4d33cafdb69bd18f9193dd420c4bda543463c9552903dec47f63cba7b093b5af5173d3ef1a23b9d09973c735d91b28e9326bd1f27ffbcb101fd3defb8063dd188cdbba72db83c58f5743d8239b0bd2a83cebc03f1d1bcee27033df523b2bc70f360bbbf6cbd3bd1551b3d0f66fbbcf46f603bd7c659bdd7d0d5bc313e55bdbf51f1bc6e87cdbcdf62d23d2086843d1773eabc2994223d08095fbc1959b53d9bff8fbdbca8d93a890fd93c57060a3d0f22763dafd6833c905f77bc427395bd8d343c3d8416933c45d1263cb88e8bbc62aa33baefc1f9bce86e1d3dfc0c683db7fffe3b0fb2f3bc04159f3c0f3e53bd8f840a3c52d01fbe3c0f263d80e2b5bcf4b33cbcd94421bd42d25fbc6d3a1b3caea445bdbdc16b3d7fc025bd32aa24bb56638dbc844b0abddff6353a578c87bc', 'A13FE8F16522FB80B9B4E568A1B64341', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 7, 'imp-464373eec6a0dba54850e3e6', 'fx-06', 'false', 'ann on fx-06, second look: still unhelpful, clearer now.', '{"inputs":"My card was declined.","outputs":"Not my problem."}', 'inputs', '\x0953243b6250d53d85dd2b3d42c7fb3c7e42d1bb78af62bd4636143de511edbc3c457a3dee5d9cbde16a85bc8068343cc64cc53cf1b7dfbceb341abd20008cbd93fd513d89af08bd6a9601bd0f14b73d97e6f9b94334083dc9ca2bbdc2cea6baaf1aeb3bbbd186bd587ec2bd5c3d643d06af2fba38a64fbcb6b2ef3bb0e61a3ec644b43d814c863d1e86cfbc475290bd33dd7ebce0ce0fbd58121cbbb7a7ffbc6a77d83a805158bc06cda23ccc0be13cc595c23c9ca67cbc5757773b3d9a7bbcc35a4cbdfdcf243d96cefbbb32d3c53ba60192bd8b2780bd843490bd661cb5bc538295baf7492dbd499f65bd3a3811bd3763873c9ab0c6bd1af577bdbcc2bc3ddd937fbdff69863cc32658bc1866c5bc039cd73bec514b392bfa6d3dc60b123c62e13f3dffc3693de0a215bc79f31eba22a6bf3c69a877bcf6b5913dd0997a3cea80a6bdc0c16fbde0f9c5bcd2f6c1ba98d72b3c49d71abd05fb113c82ea7cbb5a0bb3bcaef586bd85c1f13da42af23b5fb19f3cecec583c6f2452bd39212ebddd1307bc052d77bdd875d6bd751ed23d19e5653c1a772e3c3adcafbd94bd52bd610574bc6a7fa1bc7fcdf3bca24aedba8172923c0ff2ac3a891161bde320bc3bed570d3de869b7bc172a18bd9eb6e33d8324c53cd288413d62e1f53cc8d5833cb79888bc9ceeeb3ce493dcbc89b9a9bca290e5bdb830bdbd5bb30a3b8246fd89ae77223b1a3b663c719f653cfcb5833b8d1a263d14525bbc8099a4bc30d59cbcc8526ebdc5feb5bc78c5373d50ec2d3dde1bc43d60c862bc8d89d9bc10935f3b4de670bd0621823d5a92a33d8d37523df8a33f3d4767fe3a4fdd43bb9265b4bb62a6d9bcb113f13cd488c2bd68e48fbd9fd3023eb61f503b2aa13dbd2a1d41bd31cedf3d90a6cebcdddfcd3d748fb33dcf908b3b54bb103d4c75acbd4bac04bdf673513cb3da0b3defe0adbd08569cbd5eaf0c3d4c6611bd89d71e3eaaf339bdd488d3bd1fbe333d360c83bd5728acbc13f8e8bc71dcd2bb86c8bcbc889793bd2adef73b58c69b3d14bf0ebdd72f49bd2261bbbce8a726bde04fa8bd3f3c82bbd28415bd033c8cbd2220653c2ac679bce3deafbdfc6de7bca4a7173ccebeed3ceb60de3c2aa5f43c0916883c2cbda33b1750d0bc4f0c663da89a21bd4076ffbdbfce30bd0d0e3bbb6ea0cebdeddce13cec0f803de7837c3da0ebef3d120627bcbe25103d16a75cbc8ebc40bdb22e193b05bc0d3d11870bbde3c2793d775db009f6cb17bdaeae9dbd9cbd7fbc0a37483c5fa1eb3c6cb581bc3e89883cc632e93d2ff4113dc3a719bd16d8b93d465f3d3d4ec9dc3b89d4ec3c3ac91a3c64b0c3bcff04e7bc9fedc83be2c9f3bbc30874bc797095bb03ccde3da0602b3cae4b573d7b328d3c6ba5ce3dd72fb03d5d9be2bc6180b63ddeb4c8bddd12d13c6cb612bd87f404bedc6f873de2a85c3d87c69d3bae9d15bdb0ffd53dad354cbd44b2013c9ed23dbda1463f3d69e48c3d9550993d2b4a3f3c622ae9bd8f5b953de79ad8bdb695c03d1e62483c9a1702beb90964bd7602023d609b653deaef13bd9b97303d2c3cce3d7592e9bad6279d3d67fd38bd9c7ff83c4434c63befc585bc91926cbd7c5a903dd85e833c43820cbbfb21743d41bfc43c4733b0bbb95f01bc2403283d5f79733cff2d943d409a9b3d95fe1cbd736d033da2eb773d3a0cccbc94bf63bde72df33cbde234b8879a94bd00ac2b3c1627993d12e498bc02bc093c0c5880bd6076ec3c4e450bbb91b4693dde7a99bc39c9cf3dec90953ccfc497bdd6a872b2656247bc8571e33cd0b5153cb0b8793bd739afbba5dc713d5a531a3d7ebeb5bd144a6ebc6d21bcbc99f0413d47f52e3d75a035bdcc378bbdac18a13d268c34bd7d36353d116591bdda28a53cb652ae3c5d05bebc221d603c2246deba6a9d28bd6bc52dbdb3abac3c16b1113eb8d80e3d8fcd94bcb658f5ba7d05103d61b3193d14255f3d77b09c3cc8e7d9bca74d3abbb3b53abda62990bbfe2d4e3d17743c3de9c2013c3893493ca8e4d1bce1ef5abd7482483cb0e83f3cc65983bbd02577bdcfca753d154ece3ce63867bc64d7b4bb762c183dcdb6993d3cc79bbc40ea013c9b95ed3cbe832c3c5690cabc5b7533bd7ec3513d5cb608bd55b4b7bddc96783c', '5C15A38B520BEBF78B45E198F6F30EE9', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 8, 'imp-5449391050082d4022655273', 'fx-07', 'true', 'ann on fx-07: helpful.', '{"inputs":"Do you ship abroad?","outputs":"Yes, to 40 countries; shipping costs show at checkout."}', 'inputs', '\x64692e3d91162bbd9be2813cf771313a6fefff3c6f1c87bd8a90debbcf978ebc6fc698bda7255f3c8980f93c7acf8cbc393f48bdda7b583d9f00583d1bb736bdf61137bd43c91bbd2017aebd63d91e3d887479bd308ca4bb8db0b43ac038293de7b4f93be32c7ebd172e193d2057e6bc5a8364bdc2069cbd47684ebd47c9a93c75e03cbd7e8a9d3dc0c8973d725d7e3d6054653d05fc7bbd4076533d7a47773b9786f53bbe0ccf3c7f31523de44a1f3d993c273d1d805bbd721c9eba21adc13d69cd1a3dfe8abe3ca03e853c4e0ebc3d2739afbb06b7553c5b39b63cd7be0f3df6af993da9ee1bbb5e62d13bffe0ec3c0a0ba5bb7abc2c3d9f92d3bc51ae9d3dc9c4813b38a205bd3aedebbc8967ff3cfecdd8bccc5086bd40e263bd98242a3b0ef625bd1381f33d8c2e06bc047f4bbdad33a13d00f1febb3a8979bdda47673d8276fd3bce65153d2ce1cd3c547c92bdf394243d355a94bd45d9403d109be73db7afb5bda1162fbc72af893d4eab76bd28f618bc4004a63d0a1ef3bdcfdb8abd5de7903d0971ca3c0d96dfbcacc7893ddd5d923d1507013ca77d063dcf3d923d1c5312beb0a9ac3c33eb3abd436b173df3f7c0bbcc379abc9a50dabd4b468c3db8374dbd548c73bd8387b0bcfb7343bc5df67fbaf8fa1fbdc2a2ac3dfc0e05be5c35fc3c3e3fbbbca4bd2c3d104b403be422edbd260c49bdbc6f6c3d5b8c188aa6dd80bc265c9abdd3c950bd81a7a43b9e798a3bb463463d84ee863c8d317fbc05281cbdeeb496bc52a798bd65f5c53cd5e8853dd2e92c3d99e78d3b76959a3d985d9e3d14f76ab95e820a3d5ce5353cd412853ccb4077bd07e6b5bcd14ae63c7779093d722b303d662453bd179fd8bccb96833d80a27e3d6188fabb2057cd3c2f8da3bc7103043c9c1a8b3bc5e1783de435b2bd48cb1dbdb291963b73efbabc9805c3bc77278c3cb6889cbd3996ca3dbbf2c63c69e433bca8c40b3d36ad21bdff2a753d1c1f3e3c40fcb4bd6a8712bd77836cbd7309a8bd6571c23db1e5253ca7a8413d9cfe3abd41c5643dc8a39bbd1bfc38bdcc146bbc6f6385bcd372023cc0dda33d932718bdd9a3a0bb4d7bd0bc95a24bbc5f4092bdb9ee17bd33972e3d3056543d842ddebc3eb2903d060a283d5b25313d3562183d2f63423ccaa37bbd188187bdc89c743df0b48ebde95bc33d0d22953da1d58639741d803b05ea7fbb4a45573d3d34bd3ce3047bbdcacb32bd8f638f3c354ae4bda45267bd7d25c7095822d93cfdcc7dbc5d65f63b80ac11bd5dc479bd7ca891bc2072953d4fcfa73d6af20ebdbf234e3d19b7ddbd372f4abd9f92953dd8c5263cc6b41b3d103c99bbf6a7933d9a4a903da602643de149a7bdcf2e073d246f3bbc32ba593d14cd49bc227f1cb92525d7bb42037b3d5d08acbb71dc7cbd97b782bd6021823d50d78a3de364abbc4ddb343db252ecbdf8b0a23d1be4c03bfdd54e3d4376af3daf429c3de501f0bd3754fbbbe65f12bb9565f03d473c64bc6ce038bd13ee2cbd90fd24bb5319833d770c60bdfaf709bc37afb23d6852be3bef441ebd1bfb85bc2388ce3c3b6980bd5747b5bcadaf4bbdfe7631bd1278cfbbc6aec1bcf86c903b8e211fbd6c6667bb781f733c16f4b33d29fa023d0e89283ce59c383df245103dc7099cbd2a2a9bbdecb2813d8292e63cd92447bd41c5ac3c6d4c36bb7d7c59bdb55e0d3d81fa13bce99fa0bcf8db583d5571fb3a5d8160bcf619c4bd61a39e3c8eb5dabc14b4163d006b3bbd0364e43bb1c0073d13b783bc576928beef8f963c3aca6db2af7749bc63c1593ded4cb33d7efa6b3db397bdbdc794a23c5e30113dfc4abb3c3e9213bc4816aebcceaa95bc2250143c6cd3093c7cf016bd9f26943c74a2153de286ab3da00ba23d712594bc524b73bd9467f0bbcb0a443d2378693db8264e3d9f632d3d071aecbb487abe3cdd81a3bcd3b1943d412f49bd9e09fcbc3135313d5f08053d07b4cfbc5ec987bc027528befbefcebbeb448cbd02da8cbdce70c6bc0fee78bc08fc0fbc172f94bc3430e639180dc93c6afb79bdffa5a8bd19ef39bd170b60bbe21f323c4a89ebbc48130e3d0b028d3c0bbaaa3cbb2de53c6b18933d4103d1bbbabe53bd0e33603d2218543dc482da3b0eae43bd67b0dc3c069314bd', 'C9547AC868BBEE3517065AB1D5CABA5C', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 9, 'imp-fae2fdd1ccf9334651e8e091', 'fx-07', 'true', 'bob on fx-07.', '{"inputs":"Do you ship abroad?","outputs":"Yes, to 40 countries; shipping costs show at checkout."}', 'inputs', '\x64692e3d91162bbd9be2813cf771313a6fefff3c6f1c87bd8a90debbcf978ebc6fc698bda7255f3c8980f93c7acf8cbc393f48bdda7b583d9f00583d1bb736bdf61137bd43c91bbd2017aebd63d91e3d887479bd308ca4bb8db0b43ac038293de7b4f93be32c7ebd172e193d2057e6bc5a8364bdc2069cbd47684ebd47c9a93c75e03cbd7e8a9d3dc0c8973d725d7e3d6054653d05fc7bbd4076533d7a47773b9786f53bbe0ccf3c7f31523de44a1f3d993c273d1d805bbd721c9eba21adc13d69cd1a3dfe8abe3ca03e853c4e0ebc3d2739afbb06b7553c5b39b63cd7be0f3df6af993da9ee1bbb5e62d13bffe0ec3c0a0ba5bb7abc2c3d9f92d3bc51ae9d3dc9c4813b38a205bd3aedebbc8967ff3cfecdd8bccc5086bd40e263bd98242a3b0ef625bd1381f33d8c2e06bc047f4bbdad33a13d00f1febb3a8979bdda47673d8276fd3bce65153d2ce1cd3c547c92bdf394243d355a94bd45d9403d109be73db7afb5bda1162fbc72af893d4eab76bd28f618bc4004a63d0a1ef3bdcfdb8abd5de7903d0971ca3c0d96dfbcacc7893ddd5d923d1507013ca77d063dcf3d923d1c5312beb0a9ac3c33eb3abd436b173df3f7c0bbcc379abc9a50dabd4b468c3db8374dbd548c73bd8387b0bcfb7343bc5df67fbaf8fa1fbdc2a2ac3dfc0e05be5c35fc3c3e3fbbbca4bd2c3d104b403be422edbd260c49bdbc6f6c3d5b8c188aa6dd80bc265c9abdd3c950bd81a7a43b9e798a3bb463463d84ee863c8d317fbc05281cbdeeb496bc52a798bd65f5c53cd5e8853dd2e92c3d99e78d3b76959a3d985d9e3d14f76ab95e820a3d5ce5353cd412853ccb4077bd07e6b5bcd14ae63c7779093d722b303d662453bd179fd8bccb96833d80a27e3d6188fabb2057cd3c2f8da3bc7103043c9c1a8b3bc5e1783de435b2bd48cb1dbdb291963b73efbabc9805c3bc77278c3cb6889cbd3996ca3dbbf2c63c69e433bca8c40b3d36ad21bdff2a753d1c1f3e3c40fcb4bd6a8712bd77836cbd7309a8bd6571c23db1e5253ca7a8413d9cfe3abd41c5643dc8a39bbd1bfc38bdcc146bbc6f6385bcd372023cc0dda33d932718bdd9a3a0bb4d7bd0bc95a24bbc5f4092bdb9ee17bd33972e3d3056543d842ddebc3eb2903d060a283d5b25313d3562183d2f63423ccaa37bbd188187bdc89c743df0b48ebde95bc33d0d22953da1d58639741d803b05ea7fbb4a45573d3d34bd3ce3047bbdcacb32bd8f638f3c354ae4bda45267bd7d25c7095822d93cfdcc7dbc5d65f63b80ac11bd5dc479bd7ca891bc2072953d4fcfa73d6af20ebdbf234e3d19b7ddbd372f4abd9f92953dd8c5263cc6b41b3d103c99bbf6a7933d9a4a903da602643de149a7bdcf2e073d246f3bbc32ba593d14cd49bc227f1cb92525d7bb42037b3d5d08acbb71dc7cbd97b782bd6021823d50d78a3de364abbc4ddb343db252ecbdf8b0a23d1be4c03bfdd54e3d4376af3daf429c3de501f0bd3754fbbbe65f12bb9565f03d473c64bc6ce038bd13ee2cbd90fd24bb5319833d770c60bdfaf709bc37afb23d6852be3bef441ebd1bfb85bc2388ce3c3b6980bd5747b5bcadaf4bbdfe7631bd1278cfbbc6aec1bcf86c903b8e211fbd6c6667bb781f733c16f4b33d29fa023d0e89283ce59c383df245103dc7099cbd2a2a9bbdecb2813d8292e63cd92447bd41c5ac3c6d4c36bb7d7c59bdb55e0d3d81fa13bce99fa0bcf8db583d5571fb3a5d8160bcf619c4bd61a39e3c8eb5dabc14b4163d006b3bbd0364e43bb1c0073d13b783bc576928beef8f963c3aca6db2af7749bc63c1593ded4cb33d7efa6b3db397bdbdc794a23c5e30113dfc4abb3c3e9213bc4816aebcceaa95bc2250143c6cd3093c7cf016bd9f26943c74a2153de286ab3da00ba23d712594bc524b73bd9467f0bbcb0a443d2378693db8264e3d9f632d3d071aecbb487abe3cdd81a3bcd3b1943d412f49bd9e09fcbc3135313d5f08053d07b4cfbc5ec987bc027528befbefcebbeb448cbd02da8cbdce70c6bc0fee78bc08fc0fbc172f94bc3430e639180dc93c6afb79bdffa5a8bd19ef39bd170b60bbe21f323c4a89ebbc48130e3d0b028d3c0bbaaa3cbb2de53c6b18933d4103d1bbbabe53bd0e33603d2218543dc482da3b0eae43bd67b0dc3c069314bd', 'C9547AC868BBEE3517065AB1D5CABA5C', 1);
INSERT INTO public.judge_examples VALUES ('default', 'helpfulness', 2, 10, 'imp-efcd5f75af0b21b37ea80be0', 'fx-08', 'true', 'ann on fx-08: helpful.', '{"inputs":"How do I reset my password?","outputs":"Click \u0027Forgot password\u0027 on the sign-in page and follow the email."}', 'inputs', '\x2233e23b6c1281bdcd8b93bda31a05bd03f02ebd4b3d903d22aa143cb8707c3cf9ff7d3d6d8b8a3cda0e32bd17841b3d854f523d56d138bd1dba4abdd01260bbec8b86bd269fff3dcdd5a6bc99b6afbd7794063c38b0d9bcdc753cbd760480bcbc6cc03b3b5f74bc3e7935bb59d9c93c9cafd5bdfe508bba3b264d3c055a9d3cd0d9e43cd37eda3cf01187bcb832103d449a3abdfe6b4b3b2d585a3dc7c148bc6295bbbd27ccafbcd21ab5bdd235043d6799ae3d15fdd43cefe71dbdb9905b3dfdae4e3d1aac9f3a3825dd3d63a71d3bf6190fbcf037b5bceaf389bd218b713d7b0e693d324a7e3da2b06c3dbea92f3d3119be3cbb0403bb398ffdbc7ff6d73dad9c89bd66dac0bc15f6e2bb893ab13b0c5c113dba25d2bcf1aab4bd726f51bda2bba1bd012acbbc0eed8b3c8da6f23cd765053cd4f64ebdd9db853da304f53dea5098bdd304bebc7a5876bccc66393dd87efc3d8df27b3df5b6bf3ce5257bbb299d443c379625bd85244a3d3e4fd3bc3b0c51bd1c7e7fbc5b6cdabd5e5a4bbcaf92403d74aaf63cd5ab85bdea3b303d9ccd3a3d3bb206bdcfc1943b5740a0bd83983d3d049e30bd768de43d2245a83d8b76abbc31bee23c94eabd3c967848bd7da8263c3db67e3d5c3f843cf10184bc23cdacbc398f5a3c4063c63cf86eea3c6d8426bd4e4c6e3cd6f50a3cfb6b0abda06c47bdd8386ebc4249e8bcb824c689901b8ebd9e021d3ca2712abd9a6a303c4dbffebca6e982bdf4376d3c06c287bdc62641bd58a7883d8f45f73ca9fd383c6f6028bd1cbcb3bd306385bcf3725f3c3f7bc9bc69a80f3c82b186bc41971c3c20e98fbcfc5d6e3c7ecda83d75013dbcb3e9863c98b041bde5e6f73cbc0715bdacc109bd51fc8f3cf2dc38bc919f553c15b4103c36637d3c51907ebd4a7bb03b0594aa3d75c802bda05f36bd09a3ad3c5270c3bc5f12acbc33443c3dda6397bd5113563d67e8adb9d87df03c225d673d7efd053daea11a3c659828bdac7ba8bb961470bac45c883b5d99af3ce2f18a3b2d6c803b00a833bd12d5b4bd672f8bbdcb5fbd3de8cdf13c3da5c4bc5433683b5243b53c04fc40bd2bc5993d34c22ebd9570253be6ca5b3ddf7ecfbcb504063c24dfe9bc23bfbd3c89aed4bd197e413d2839093dad554a3d6c4f66bd8ae34c3da6c6e7ba4d53833c31b3a7bde42fad3df2fd27bd487b1e3c44e17f3c2339bd3db44b53bcff3b46bd757564bd49af92bcdc52963dd50cedbdbb549bbdcde745090acb8439913b8fbd1192bb3cf3fcb8bcd67a7c3db218dcbc4b54003c4e532f3dccc3e7bc17ee1bbc236b593df2d5e23d4b835b3cfe9aabbcf56b023e138ba23defa120bdabfcb53d037d02be88eeeeba6887dfbd3f9a603d0958433bb804abbc413b2f3dde70a8bbecf49e3cd300a33de680123cf271b3bb2e09963dc90acbbc5d4aa7bb46281a3e2db94c3d5d701abc86eca33d1470083c885850bd58ed02bdcecf2d3c1375393d5b73a9bb278732bb5a784bbd3d4b07bc4221463df5507abd8cbc853c8cf8113d1fe7b9bc60ff64bde79fc73d42a37abd14ce40bc43ea913cab2d633dedd3bbbcdd3d033c8b6ac1bd1c15ebbc6be1ad3da9e13dbcf0733c3de07eaabc7dcdfa3bf87ae1bc98a2d8bc4af8bbbdb9716a3dbfa237bdd4cae43d0ed7973de9ab8a3c8025cb3d8c40e6bdb9868dbd7495103d1a4da7bd5519b6bcb577c13d7abe9bbcf49a9abdefc858bd5ed795bd7650b2bddb15e93c572f443df1fb433d98f111bc44fa4abd6fd4f9bc2518523c21d88b39f24cbd3bcdea65b24cd966bc7c4a6abd9bd2a33d8681733cb0d3b23dddd1fe3cbe7f4bbd34ce853c0da3abbddf81c7bd427d39bdcc1f003d62f40f3dd138463bbd1fd0bcf40507bdff7c4dbde5db47bcef16dc3cfdecac3c9cbb07bd3ef868bb14e156bcc18c99bd5b85a43d8bc4a03db110aebbcb88ae3d11f2663d86c335bccc03eabc102c433c033fe93bd7428abdd3c325bed34ff0bcd05afbbc98c40e3cb71ba0bcb1ebd8bcdcce263c38b7533d71d0713dd1607c3d40fe53bd0062cb37fa21343caaae6b3c73bed53c7c54e53b6049e9bd9caac43de6cdb73c69a98e3df2787bbc80b0433c5856373d5ddd4cbda8b0debd1978adbba878003da932963d4a85333b22229cbd', '7E0CF982F479E7BD2ADC6FC772B192DA', 1);


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
-- Data for Name: judge_names; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.judge_names VALUES ('default', 'helpfulness', 2);


--
-- Data for Name: judges; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.judges VALUES ('default', 'helpfulness', 1, 639321221455749295, '{"name":"helpfulness","instructions":"Evaluate whether the customer support bot\u0027s response is helpful given the user query.\n\nUser query: {{ inputs }}\nAssistant response: {{ outputs }}","model":"openai:/gpt-4.1-mini","value_type":{"kind":"Boolean"}}', '{}', 'memalign-local-hash-v1', 512, 5, NULL, 'Helpful?', 'Is the reply helpful to the customer?', 'Optional');
INSERT INTO public.judges VALUES ('default', 'helpfulness', 2, 639321221482424071, '{"name":"helpfulness","instructions":"Evaluate whether the customer support bot\u0027s response is helpful given the user query.\n\nUser query: {{ inputs }}\nAssistant response: {{ outputs }}","model":"openai:/gpt-4.1-mini","value_type":{"kind":"Boolean"}}', '{}', 'all-MiniLM-L6-v2', 384, 5, 1, 'Helpful?', 'Is the reply helpful to the customer?', 'Optional');


--
-- Data for Name: label_session_items; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: label_sessions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: label_steps; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: memalign_schema; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.memalign_schema VALUES (5);


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
-- Name: eval_result_examples eval_result_examples_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.eval_result_examples
    ADD CONSTRAINT eval_result_examples_pkey PRIMARY KEY (run_id, trace_id, judge_name, "position");


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
-- Name: experiment_disagreed_traces experiment_disagreed_traces_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiment_disagreed_traces
    ADD CONSTRAINT experiment_disagreed_traces_pkey PRIMARY KEY (run_id, "position");


--
-- Name: experiment_fold_traces experiment_fold_traces_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiment_fold_traces
    ADD CONSTRAINT experiment_fold_traces_pkey PRIMARY KEY (run_id, fold, role, "position");


--
-- Name: experiment_reports experiment_reports_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiment_reports
    ADD CONSTRAINT experiment_reports_pkey PRIMARY KEY (run_id);


--
-- Name: experiments experiments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.experiments
    ADD CONSTRAINT experiments_pkey PRIMARY KEY (name);


--
-- Name: forgotten_traces forgotten_traces_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forgotten_traces
    ADD CONSTRAINT forgotten_traces_pkey PRIMARY KEY (experiment, trace_hash);


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
-- Name: judge_names judge_names_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.judge_names
    ADD CONSTRAINT judge_names_pkey PRIMARY KEY (experiment, name);


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
-- Name: label_steps label_steps_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.label_steps
    ADD CONSTRAINT label_steps_pkey PRIMARY KEY (experiment, session, reviewer, step);


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
-- Name: eval_result_examples_by_example; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX eval_result_examples_by_example ON public.eval_result_examples USING btree (example_trace_id);


--
-- Name: eval_results_by_trace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX eval_results_by_trace ON public.eval_results USING btree (trace_id);


--
-- Name: eval_runs_by_judge; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX eval_runs_by_judge ON public.eval_runs USING btree (experiment, judge_name, kind, created_at);


--
-- Name: experiment_disagreed_traces_by_trace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX experiment_disagreed_traces_by_trace ON public.experiment_disagreed_traces USING btree (trace_id);


--
-- Name: experiment_fold_traces_by_trace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX experiment_fold_traces_by_trace ON public.experiment_fold_traces USING btree (trace_id);


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
-- Name: label_steps_by_trace; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX label_steps_by_trace ON public.label_steps USING btree (experiment, trace_id);


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


