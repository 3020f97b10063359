-- Members' periods in office (member_mandate) replace the flag assembly_member.in_office; written proxies kept in a
-- register (member_proxy), which an attendance entry names; arrivals and departures during a séance
-- (attendance_movement).

create table member_mandate (
    ends_on date,
    starts_on date not null,
    id bigint not null auto_increment,
    member_id bigint not null,
    end_reason varchar(300),
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table member_mandate
    add constraint FKo02f7uiwtt9g8lmlvmwsine4s foreign key (member_id) references assembly_member (id);

-- The previous release knew no dates of office, only whether a member was in office (always true there, unless set by
-- hand). Each member in office gets a mandate open since the first day of the database's séances, or since the day of
-- the upgrade when there is none: every séance, past or to come, keeps the members it had. A member out of office
-- gets none.
insert into member_mandate (member_id, starts_on)
select m.id, least(coalesce((select min(least(s.convocation_sent_on, s.session_date)) from assembly_session s),
        current_date), current_date)
from assembly_member m
where m.in_office = 1
order by m.id;

alter table assembly_member drop column in_office;

create table member_proxy (
    first_session_date date,
    illness bit not null,
    revoked_on date,
    sessions integer,
    signed_on date not null,
    first_session_id bigint,
    giver_id bigint not null,
    holder_id bigint not null,
    id bigint not null auto_increment,
    recorded_at datetime(6) not null,
    recorded_by varchar(100) not null,
    body enum ('BUREAU','CONSEIL') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table attendance_entry add column proxy_id bigint;

create table attendance_movement (
    before_item integer,
    id bigint not null auto_increment,
    member_id bigint not null,
    proxy_holder_id bigint,
    recorded_at datetime(6) not null,
    session_id bigint not null,
    recorded_by varchar(100) not null,
    kind enum ('ARRIVAL','DEPARTURE','PROXY_ENDED','PROXY_GIVEN') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
