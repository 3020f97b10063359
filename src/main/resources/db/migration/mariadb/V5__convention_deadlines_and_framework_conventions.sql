-- A convention is open for signature for a period, with reminders, and lapses when the beneficiary has not signed it
-- by then (outcome LAPSED, reminder letters); framework conventions (conventions pluriannuelles d'objectifs) and the
-- yearly grants made under them.

alter table convention
    add column drafted_on date,
    add column valid_until date,
    add column lapsed_on date,
    add column reminders_sent integer not null default 0;

-- The default only filled the existing rows: the application always writes it
alter table convention alter column reminders_sent drop default;

-- New constants at the end of each enumeration: MariaDB adds them in place, without rebuilding the table (that of the
-- documents holds their content)
alter table subsidy_request
    modify column outcome enum ('GRANTED','INADMISSIBLE','REJECTED','WITHDRAWN','LAPSED');

alter table request_document
    modify column type enum ('ACKNOWLEDGEMENT','AUTRE','BUDGET_PREVISIONNEL','COMPTES','CONTRAT_ENGAGEMENT_REPUBLICAIN',
        'CONVENTION','CONVENTION_SIGNEE','CONVOCATION','DELIBERATION_EXTRACT','ENGAGEMENT_SHEET','INSTRUCTION_REPORT',
        'MINUTES','MISSING_ITEMS_REQUEST','NOTIFICATION_GRANTED','NOTIFICATION_REJECTED','RAPPORT_ACTIVITE','RIB','STATUTS',
        'REMINDER') not null;

create table framework_convention (
    first_year integer not null,
    last_year integer not null,
    signed_on date not null,
    id bigint not null auto_increment,
    recorded_at datetime(6) not null,
    rna varchar(10),
    siret varchar(14) not null,
    reference varchar(20) not null,
    recorded_by varchar(100) not null,
    beneficiary_name varchar(200) not null,
    object varchar(300) not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table framework_convention
    add constraint uk_framework_reference unique (reference);

create table framework_grant (
    fiscal_year integer not null,
    framework_id bigint not null,
    id bigint not null auto_increment,
    request_id bigint not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table framework_grant
    add constraint uk_framework_grant_request unique (request_id);
