-- Consumer delivery guarantees: a parked event keeps where it came from, so that one parked too
-- long or failing on replay is dead-lettered with its original partition and offset; the sweep
-- finds the oldest parked events without a full scan.
alter table parked_event add column kafka_partition int;
alter table parked_event add column kafka_offset bigint;
create index parked_event_age on parked_event (consumer, parked_at);
