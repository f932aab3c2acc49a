-- The programme records in the warehouse, anonymised (loaders/programme drops names, e-mail
-- addresses and phone numbers): a participant is only an integer, numbered in the loader in
-- the order people first appear in teilnahmen.csv. Figures (reach, funnel, shares) are not
-- stored: pipelines/programme/reach.ts computes them for any as-of date.

CREATE OR REPLACE TABLE programme_sheets (
  sheet VARCHAR PRIMARY KEY,          -- file name of the sheet, e.g. teilnahmen.csv
  exported DATE NOT NULL              -- its export date ("Stand der Liste"): later events are not in it
);

CREATE OR REPLACE TABLE programme_municipalities (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  type VARCHAR NOT NULL,              -- kreisfreie Stadt, Berliner Bezirk, kreisangehörige Stadt, sonstige
  region_key VARCHAR NOT NULL,        -- Kreis (5), Berlin district 110NN0NN, or Gemeinde (8) of a city within a Kreis
  profile_id VARCHAR,                 -- the statistics profile: the Kreis of a city within a Kreis; NULL for a Land
  eligible BOOLEAN NOT NULL,
  reason VARCHAR NOT NULL,
  agency VARCHAR,                     -- Berlin, Bremen or Hamburg
  contact DATE,                       -- stage dates: NULL = not reached by the export date
  analysis DATE,
  agreement DATE,
  training DATE,
  topic_group DATE
);

CREATE OR REPLACE TABLE programme_topic_groups (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL
);

CREATE OR REPLACE TABLE programme_modules (
  id VARCHAR PRIMARY KEY,
  number INTEGER NOT NULL,
  name VARCHAR NOT NULL
);

CREATE OR REPLACE TABLE programme_events (
  id VARCHAR PRIMARY KEY,
  type VARCHAR NOT NULL,
  date DATE NOT NULL,                 -- held or planned follows from this date and the as-of date
  host VARCHAR NOT NULL,              -- programme_municipalities.id
  title VARCHAR NOT NULL,
  module VARCHAR,                     -- programme_modules.id (Fortbildung)
  topic_group VARCHAR,                -- programme_topic_groups.id (Fachgruppentreffen, Exkursion)
  cancelled BOOLEAN NOT NULL,
  agency VARCHAR NOT NULL             -- the organising Transferagentur, not the host's (Hamburg hosts but belongs to none)
);

CREATE OR REPLACE TABLE programme_attendance (
  event VARCHAR NOT NULL,             -- programme_events.id
  person INTEGER NOT NULL,            -- anonymous number; no name, address or phone number exists here
  organisation VARCHAR NOT NULL,      -- Kommune, Wissenschaft, Stiftung, Verband, Land/Bund, Sonstige
  municipality VARCHAR,               -- programme_municipalities.id, for organisation Kommune
  department VARCHAR,                 -- for organisation Kommune
  PRIMARY KEY (event, person)
);
