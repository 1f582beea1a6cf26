--
-- PostgreSQL database dump
--

\restrict vhd8OUNcakVtEgHX4d2W4C3HSEH8zJgVBzobW7T3xv6FKPcXDasmfVizk22iz2a

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
-- Name: customer; Type: TABLE; Schema: public; Owner: shop_owner
--

CREATE TABLE public.customer (
    id integer NOT NULL,
    name text NOT NULL,
    email character varying(80),
    balance numeric(12,2),
    active boolean DEFAULT true,
    joined date,
    seen timestamp with time zone,
    token uuid,
    avatar bytea
);


ALTER TABLE public.customer OWNER TO shop_owner;

--
-- Name: TABLE customer; Type: COMMENT; Schema: public; Owner: shop_owner
--

COMMENT ON TABLE public.customer IS 'people who buy';


--
-- Name: COLUMN customer.email; Type: COMMENT; Schema: public; Owner: shop_owner
--

COMMENT ON COLUMN public.customer.email IS 'unique when present';


--
-- Name: event_log; Type: TABLE; Schema: public; Owner: shop_owner
--

CREATE TABLE public.event_log (
    logged_at timestamp without time zone,
    kind character(4),
    payload text
);


ALTER TABLE public.event_log OWNER TO shop_owner;

--
-- Name: order_line; Type: TABLE; Schema: public; Owner: shop_owner
--

CREATE TABLE public.order_line (
    order_id bigint NOT NULL,
    line_no smallint NOT NULL,
    customer_id integer,
    sku text,
    qty integer DEFAULT 1 NOT NULL,
    price numeric(10,2),
    weight double precision,
    note text
);


ALTER TABLE public.order_line OWNER TO shop_owner;

--
-- Data for Name: customer; Type: TABLE DATA; Schema: public; Owner: shop_owner
--

COPY public.customer (id, name, email, balance, active, joined, seen, token, avatar) FROM stdin;
1	Ann O'Neil	ann@example.com	1234.50	t	2020-01-31	2024-03-01 10:15:00+00	a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11	\\x00ff10
2	Bob "the builder"	bob@example.com	-0.01	f	1999-12-31	2023-07-04 21:59:59.5+00	\N	\\x
3	Tab\there	\N	\N	\N	\N	\N	\N	\N
4	Line1\nLine2	dan@example.com	0.00	t	2000-02-29	1970-01-01 00:00:00+00	f47ac10b-58cc-4372-a567-0e02b2c3d479	\\x5c6e
5	back\\slash and \\N	eve@example.com	99999999.99	t	2024-02-29	2024-02-29 17:00:00+00	00000000-0000-0000-0000-000000000000	\\xdeadbeef
6	Ünïcödé ✓	uni@example.com	12.30	f	2010-10-10	\N	\N	\N
\.


--
-- Data for Name: event_log; Type: TABLE DATA; Schema: public; Owner: shop_owner
--

COPY public.event_log (logged_at, kind, payload) FROM stdin;
2024-01-01 00:00:00	boot	started
2024-01-01 00:00:01	warn	\N
\N	\N	\N
2024-01-01 00:00:01	warn	\N
\.


--
-- Data for Name: order_line; Type: TABLE DATA; Schema: public; Owner: shop_owner
--

COPY public.order_line (order_id, line_no, customer_id, sku, qty, price, weight, note) FROM stdin;
100	1	1	PEN-01	3	1.50	0.25	\N
100	2	1	INK-02	1	12.00	0.1	gift wrap
101	1	2	PAD-03	10	4.00	0.001	multi\nline
102	1	5	PEN-01	1	1.50	0.25	
102	2	\N	\N	2	\N	\N	tab\tand \\ backslash
103	1	6	CAP-09	7	0.99	123456.789	ünï
\.


--
-- Name: customer customer_email_key; Type: CONSTRAINT; Schema: public; Owner: shop_owner
--

ALTER TABLE ONLY public.customer
    ADD CONSTRAINT customer_email_key UNIQUE (email);


--
-- Name: customer customer_pkey; Type: CONSTRAINT; Schema: public; Owner: shop_owner
--

ALTER TABLE ONLY public.customer
    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);


--
-- Name: order_line order_line_pkey; Type: CONSTRAINT; Schema: public; Owner: shop_owner
--

ALTER TABLE ONLY public.order_line
    ADD CONSTRAINT order_line_pkey PRIMARY KEY (order_id, line_no);


--
-- Name: customer_joined_idx; Type: INDEX; Schema: public; Owner: shop_owner
--

CREATE INDEX customer_joined_idx ON public.customer USING btree (joined);


--
-- Name: order_line_sku_idx; Type: INDEX; Schema: public; Owner: shop_owner
--

CREATE INDEX order_line_sku_idx ON public.order_line USING btree (sku);


--
-- Name: TABLE customer; Type: ACL; Schema: public; Owner: shop_owner
--

GRANT SELECT ON TABLE public.customer TO shop_reader;


--
-- Name: TABLE order_line; Type: ACL; Schema: public; Owner: shop_owner
--

GRANT SELECT,INSERT ON TABLE public.order_line TO shop_reader;


--
-- PostgreSQL database dump complete
--

\unrestrict vhd8OUNcakVtEgHX4d2W4C3HSEH8zJgVBzobW7T3xv6FKPcXDasmfVizk22iz2a

