-- "My accounts" (mine=true): owner_id = me or a team member with my userId. The owner side uses
-- account_by_owner; this GIN index answers the team's containment test (team @> [{"userId": me}]).
create index account_by_team on account using gin (team jsonb_path_ops) where deleted_at is null;
