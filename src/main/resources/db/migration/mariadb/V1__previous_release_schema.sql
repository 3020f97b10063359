-- Version 1: our tables as the previous release (8aa5341) left them, where Hibernate's ddl-auto update had created
-- them. Generated from that release's entities by Hibernate's schema generation for MariaDB, then checked against a
-- database that release made (src/test/resources/upgrade/previous-release-mariadb.sql.gz): the same columns, types,
-- keys and constraint names; the key of request_cofinancing is (request_id, position), as ddl-auto update made it.
-- A database made by that release already has all this: Flyway baselines it at version 1 and skips this script
-- (spring.flyway.baseline-on-migrate, README « Schema migrations »). Never edit an applied migration: add one.
--
-- Money is decimal(15,2), exact; long texts (description, instruction report) longtext; documents longblob (50 MB);
-- enumerations are MariaDB enums, as Hibernate maps @Enumerated(STRING): a new constant needs a migration.
-- Every table in utf8mb4 with the collation the README asks of the database, whatever the database's default.

create table agenda_item (
    abstention_count integer not null,
    against_count integer not null,
    amount decimal(15,2) not null,
    for_count integer not null,
    not_participating_count integer not null,
    not_voting_count integer not null,
    position integer not null,
    proxy_count integer not null,
    secret_ballot bit not null,
    withdrawn bit not null,
    decided_at datetime(6),
    id bigint not null auto_increment,
    request_id bigint not null,
    session_id bigint not null,
    deliberation_number varchar(15),
    reference varchar(20) not null,
    theme varchar(200) not null,
    title varchar(300) not null,
    decision enum ('ADJOURNED','ADOPTED','REJECTED'),
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table agenda_item_standing_aside (
    agenda_item_id bigint not null,
    member_id bigint not null,
    reason varchar(1000),
    primary key (agenda_item_id, member_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table applicant_account (
    created_at datetime(6) not null,
    username varchar(50) not null,
    first_name varchar(100) not null,
    last_name varchar(100) not null,
    password_hash varchar(100) not null,
    email varchar(254) not null,
    primary key (username)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table assembly_member (
    in_office bit not null,
    id bigint not null auto_increment,
    first_name varchar(100) not null,
    last_name varchar(100) not null,
    body enum ('BUREAU','CONSEIL') not null,
    civility enum ('MADAME','MONSIEUR') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table assembly_session (
    convocation_sent_on date not null,
    session_date date not null,
    id bigint not null auto_increment,
    president_id bigint not null,
    secretary_id bigint not null,
    version bigint not null,
    process_instance_id varchar(64),
    place varchar(200) not null,
    urgency_reason varchar(1000),
    body enum ('BUREAU','CONSEIL') not null,
    status enum ('CLOSED','CONVENED','PREPARATION','SITTING') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table attendance_entry (
    present bit not null,
    id bigint not null auto_increment,
    member_id bigint not null,
    proxy_holder_id bigint,
    session_id bigint not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table ballot (
    agenda_item_id bigint not null,
    cast_by bigint not null,
    id bigint not null auto_increment,
    member_id bigint not null,
    choice enum ('ABSTENTION','AGAINST','FOR','NOT_PARTICIPATING','NOT_VOTING') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table budget_commitment (
    amount decimal(15,2) not null,
    budget_line_id bigint not null,
    committed_at datetime(6) not null,
    id bigint not null auto_increment,
    request_id bigint not null,
    engagement_number varchar(30) not null,
    committed_by varchar(100) not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table budget_line (
    committed decimal(15,2) not null,
    fiscal_year integer not null,
    reserved decimal(15,2) not null,
    voted decimal(15,2) not null,
    id bigint not null auto_increment,
    budget_function varchar(10) not null,
    chapter varchar(10) not null,
    nature varchar(10) not null,
    code varchar(60) not null,
    service varchar(100) not null,
    label varchar(300) not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table budget_reservation (
    active bit not null,
    amount decimal(15,2) not null,
    budget_line_id bigint not null,
    id bigint not null auto_increment,
    request_id bigint not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table conflict_flag (
    standing_aside bit not null,
    agenda_item_id bigint not null,
    id bigint not null auto_increment,
    member_id bigint not null,
    recorded_at datetime(6) not null,
    recorded_by varchar(100) not null,
    reason varchar(1000) not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table convention (
    amount decimal(15,2) not null,
    beneficiary_signed_on date,
    fiscal_year integer not null,
    president_signed_on date,
    id bigint not null auto_increment,
    request_id bigint not null,
    beneficiary_signed_by varchar(200),
    president_signed_by varchar(200),
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table convocation_recipient (
    member_id bigint,
    session_id bigint not null
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table member_interest (
    since date not null,
    until date,
    id bigint not null auto_increment,
    member_id bigint not null,
    rna varchar(10),
    siret varchar(14),
    organisation varchar(200) not null,
    kind enum ('BOARD','DESIGNATION') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table request_cofinancing (
    amount decimal(15,2) not null,
    position integer not null,
    request_id bigint not null,
    funder varchar(200) not null,
    primary key (request_id, position)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table request_document (
    version integer not null,
    id bigint not null auto_increment,
    request_id bigint,
    session_id bigint,
    size bigint not null,
    uploaded_at datetime(6) not null,
    stage varchar(30),
    sha256 varchar(64) not null,
    media_type varchar(100) not null,
    uploaded_by varchar(100) not null,
    filename varchar(255) not null,
    content longblob not null,
    type enum ('ACKNOWLEDGEMENT','AUTRE','BUDGET_PREVISIONNEL','COMPTES','CONTRAT_ENGAGEMENT_REPUBLICAIN','CONVENTION','CONVENTION_SIGNEE','CONVOCATION','DELIBERATION_EXTRACT','ENGAGEMENT_SHEET','INSTRUCTION_REPORT','MINUTES','MISSING_ITEMS_REQUEST','NOTIFICATION_GRANTED','NOTIFICATION_REJECTED','RAPPORT_ACTIVITE','RIB','STATUTS') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table sequence_counter (
    last_value bigint not null,
    name varchar(50) not null,
    primary key (name)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table stage_event (
    at datetime(6) not null,
    id bigint not null auto_increment,
    request_id bigint not null,
    actor varchar(100) not null,
    result varchar(1000) not null,
    stage enum ('AWAITING_AGENDA','AWAITING_CLOSURE','AWAITING_IMPUTATION','AWAITING_SIGNATURES','CLOSED','INCOMPLETE','IN_INSTRUCTION','ON_AGENDA','SUBMITTED') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table subsidy_request (
    fiscal_year integer not null,
    granted_amount decimal(15,2),
    missing_items_due date,
    proposed_amount decimal(15,2),
    requested_amount decimal(15,2) not null,
    total_budget decimal(15,2) not null,
    id bigint not null auto_increment,
    submitted_at datetime(6) not null,
    version bigint not null,
    applicant_rna varchar(10),
    applicant_siret varchar(14) not null,
    reference varchar(20) not null,
    process_instance_id varchar(64),
    idempotency_key varchar(100),
    submitted_by varchar(100) not null,
    applicant_name varchar(200) not null,
    applicant_representative varchar(200) not null,
    theme varchar(200) not null,
    applicant_email varchar(254) not null,
    title varchar(300) not null,
    applicant_address varchar(500) not null,
    applicant_legal_form enum ('ASSOCIATION','COMPANY','FOUNDATION','PUBLIC_BODY') not null,
    completeness_comment longtext,
    description longtext not null,
    missing_items longtext,
    opinion enum ('FAVORABLE','UNFAVORABLE'),
    outcome enum ('GRANTED','INADMISSIBLE','REJECTED','WITHDRAWN'),
    report longtext,
    status enum ('AWAITING_AGENDA','AWAITING_CLOSURE','AWAITING_IMPUTATION','AWAITING_SIGNATURES','CLOSED','INCOMPLETE','IN_INSTRUCTION','ON_AGENDA','SUBMITTED') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table budget_commitment
    add constraint uk_commitment_number unique (engagement_number);

alter table budget_line
    add constraint uk_budget_line_code unique (code);

alter table convention
    add constraint uk_convention_request unique (request_id);

alter table subsidy_request
    add constraint uk_request_reference unique (reference);

alter table subsidy_request
    add constraint uk_request_idempotency unique (submitted_by, idempotency_key);

alter table agenda_item
    add constraint FK556x5ilq6lpvmqcyu4t1kggdg foreign key (session_id) references assembly_session (id);

alter table agenda_item_standing_aside
    add constraint FKcc3k2oe1hxcl4ywibwg15mhcl foreign key (agenda_item_id) references agenda_item (id);

alter table assembly_session
    add constraint FKfxsn4g62gq5rsyhfxa5nr3n6r foreign key (president_id) references assembly_member (id);

alter table assembly_session
    add constraint FK47xfjmqen444wx0ichmw14cg7 foreign key (secretary_id) references assembly_member (id);

alter table attendance_entry
    add constraint FKashkh35su10xy4ece5ff4q5bu foreign key (session_id) references assembly_session (id);

alter table ballot
    add constraint FKguj8d42qeesrr3gv6kw68avt4 foreign key (agenda_item_id) references agenda_item (id);

alter table budget_commitment
    add constraint FK7tiu77ptokp9tqvkauexlgoxs foreign key (budget_line_id) references budget_line (id);

alter table budget_reservation
    add constraint FKdlcitdilct3n5tna5fl6uc4d2 foreign key (budget_line_id) references budget_line (id);

alter table convocation_recipient
    add constraint FKef54btxdgtc68nv69rx11kfr5 foreign key (session_id) references assembly_session (id);

alter table member_interest
    add constraint FK3koklq3fgse7drg6rbg7ko6a3 foreign key (member_id) references assembly_member (id);

alter table request_cofinancing
    add constraint FKiqe6hye0wppoqbtwfp05aj2t3 foreign key (request_id) references subsidy_request (id);

alter table stage_event
    add constraint FK3oijf6mywih9extn6dyir3wda foreign key (request_id) references subsidy_request (id);
