-- The trace of every accepted budget file (budget_import); each fiscal year's engagement counter created with its
-- budget lines rather than at its first commitment (EngagementNumbers).

create table budget_import (
    created integer not null,
    row_count integer not null,
    total_voted decimal(20,2) not null,
    unchanged integer not null,
    updated integer not null,
    id bigint not null auto_increment,
    imported_at datetime(6) not null,
    format varchar(10) not null,
    sha256 varchar(64) not null,
    imported_by varchar(100) not null,
    filename varchar(200) not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

-- The counter of every fiscal year that has budget lines and no counter yet, at zero as a new year's is (a year with
-- commitments already has its counter, with its last number)
insert into sequence_counter (name, last_value)
select distinct concat('engagement-', b.fiscal_year), 0
from budget_line b
where not exists (select 1 from sequence_counter s where s.name = concat('engagement-', b.fiscal_year));
