-- "Revenue before P" (DOMAIN.md) per account and per product line, kept with the aggregates: the
-- first month whose net (of the account / of the product line) is > 0. Recomputed from
-- monthly_revenue for every account whose aggregate changes, so the portfolio query reads only
-- the months of P, P-1 and P-Y instead of the whole history.
create table account_first_revenue (
    account_id   uuid primary key,
    first_month  date not null
);

create table line_first_revenue (
    account_id    uuid not null,
    product_line  text not null,
    first_month   date not null,
    primary key (account_id, product_line)
);

insert into account_first_revenue (account_id, first_month)
select account_id, min(month) from (
    select account_id, month from monthly_revenue group by account_id, month having sum(amount) > 0) m
group by account_id;

insert into line_first_revenue (account_id, product_line, first_month)
select account_id, product_line, min(month) from monthly_revenue where amount > 0
group by account_id, product_line;
