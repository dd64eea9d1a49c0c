-- Items still waiting for their account, listed in arrival order (GET ...?status=PENDING): few
-- rows among many, so a partial index on the order key keeps the list cheap.
create index revenue_line_pending_order on revenue_line (id) where account_id is null and not voided;
create index survey_response_pending_order on survey_response (id)
    where account_id is null and not voided;
