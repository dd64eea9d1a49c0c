-- Reviews written at the same instant of the service clock (a pinned clock, or two within one
-- tick) are listed in the order they were written, not by their random ids.
alter table plan_review add column written_seq bigserial;
