-- The expiry job asks every minute or so for published offers past their end date. Without an
-- index on (status, expires_on) that read every published offer: 2.5 s with 1,000,000 offers.
-- Keep in step with ../postgres/0010_offers_status_expires.sql.

CREATE INDEX offers_status_expires ON offers (status, expires_on);
