-- PIPL retention: when a closed case's child was anonymised (null while the archive is kept)
alter table cf_child add column anonymised_at timestamp(6) with time zone;
