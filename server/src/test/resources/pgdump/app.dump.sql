--
-- PostgreSQL database dump
--

\restrict TZJxgIjhrwaiVIl2CtajbO1d8ocfR8ypLxdsdnSTIQCU41HP20cbe2xiYpPXlBz

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

--
-- Name: app; Type: SCHEMA; Schema: -; Owner: shop_owner
--

CREATE SCHEMA app;


ALTER SCHEMA app OWNER TO shop_owner;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: item; Type: TABLE; Schema: app; Owner: shop_owner
--

CREATE TABLE app.item (
    id integer NOT NULL,
    sku text NOT NULL,
    price numeric(10,2)
);


ALTER TABLE app.item OWNER TO shop_owner;

--
-- Name: TABLE item; Type: COMMENT; Schema: app; Owner: shop_owner
--

COMMENT ON TABLE app.item IS 'catalogue items';


--
-- Name: stock; Type: TABLE; Schema: app; Owner: shop_owner
--

CREATE TABLE app.stock (
    item_id integer NOT NULL,
    qty integer DEFAULT 0
);


ALTER TABLE app.stock OWNER TO shop_owner;

--
-- Name: note; Type: TABLE; Schema: public; Owner: shop_owner
--

CREATE TABLE public.note (
    id integer NOT NULL,
    body text
);


ALTER TABLE public.note OWNER TO shop_owner;

--
-- Data for Name: item; Type: TABLE DATA; Schema: app; Owner: shop_owner
--

COPY app.item (id, sku, price) FROM stdin;
1	PEN-01	1.50
2	INK-02	7.25
3	PAD-03	3.00
\.


--
-- Data for Name: stock; Type: TABLE DATA; Schema: app; Owner: shop_owner
--

COPY app.stock (item_id, qty) FROM stdin;
1	100
2	0
3	12
\.


--
-- Data for Name: note; Type: TABLE DATA; Schema: public; Owner: shop_owner
--

COPY public.note (id, body) FROM stdin;
1	public note
\.


--
-- Name: item item_pkey; Type: CONSTRAINT; Schema: app; Owner: shop_owner
--

ALTER TABLE ONLY app.item
    ADD CONSTRAINT item_pkey PRIMARY KEY (id);


--
-- Name: stock stock_pkey; Type: CONSTRAINT; Schema: app; Owner: shop_owner
--

ALTER TABLE ONLY app.stock
    ADD CONSTRAINT stock_pkey PRIMARY KEY (item_id);


--
-- Name: item_sku; Type: INDEX; Schema: app; Owner: shop_owner
--

CREATE UNIQUE INDEX item_sku ON app.item USING btree (sku);


--
-- Name: TABLE item; Type: ACL; Schema: app; Owner: shop_owner
--

GRANT SELECT ON TABLE app.item TO shop_reader;


--
-- Name: TABLE stock; Type: ACL; Schema: app; Owner: shop_owner
--

GRANT SELECT ON TABLE app.stock TO shop_reader;


--
-- PostgreSQL database dump complete
--

\unrestrict TZJxgIjhrwaiVIl2CtajbO1d8ocfR8ypLxdsdnSTIQCU41HP20cbe2xiYpPXlBz

