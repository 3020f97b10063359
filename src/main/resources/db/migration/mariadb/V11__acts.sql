-- Acts on their way to being executory (package acts, issue 17): each signed act, its transmission to the prefect
-- (@CTES), the prefecture's acknowledgement or anomaly, its publication on /actes; and the day the request's
-- deliberation became executory, which the convention's signatures and the payments wait for (CGCT L2131-1).

create table act (
    id bigint not null auto_increment,
    version bigint not null,
    kind enum ('CONVENTION','DELIBERATION','DELIBERATION_LIST') not null,
    number varchar(15) not null,
    request_id bigint,
    session_id bigint,
    agenda_item_id bigint,
    decided_on date not null,
    assembly varchar(100) not null,
    object varchar(500) not null,
    outcome enum ('ADJOURNED','ADOPTED','REJECTED'),
    document_id bigint not null,
    signed_at datetime(6) not null,
    transmission_required bit(1) not null,
    transmitted_at datetime(6),
    id_acte varchar(60),
    received_on date,
    acknowledged_at datetime(6),
    anomaly varchar(2000),
    anomaly_at datetime(6),
    published_at datetime(6),
    published_on date,
    executory_on date,
    primary key (id),
    constraint uk_act_kind_number unique (kind, number)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_act_request on act (request_id);
create index ix_act_session on act (session_id);
create index ix_act_published on act (published_at);

-- Every package written to the outbox, as it was written: the first sending and each one after an anomaly
create table act_transmission (
    id bigint not null auto_increment,
    act_id bigint not null,
    archive_name varchar(120) not null,
    envelope_name varchar(120) not null,
    message_name varchar(120) not null,
    content longblob not null,
    sha256 varchar(64) not null,
    sent_at datetime(6) not null,
    sent_by varchar(100) not null,
    primary key (id),
    constraint fk_act_transmission_act foreign key (act_id) references act (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_act_transmission_message on act_transmission (message_name);

alter table subsidy_request add column executory_on date;

-- Requests granted before this release: their deliberations were made executory outside the application (published
-- and sent to the prefect by the authority's former tools), and their processes run on the diagram's earlier version,
-- which has no Event_ActExecutory. They are recorded executory as of the séance that granted them, so that their
-- signatures and payments go on.
update subsidy_request r set executory_on = coalesce(
    (select max(s.session_date) from agenda_item i join assembly_session s on s.id = i.session_id
        where i.request_id = r.id and i.decision = 'ADOPTED'),
    cast(r.status_since as date))
where r.outcome in ('GRANTED', 'LAPSED')
   or r.status in ('AWAITING_SIGNATURES', 'AWAITING_IMPUTATION', 'AWAITING_PAYMENT', 'AWAITING_FINANCIAL_REPORT');

alter table request_document
    modify column type enum ('ACKNOWLEDGEMENT','AUTRE','BUDGET_PREVISIONNEL','COMPTES','CONTRAT_ENGAGEMENT_REPUBLICAIN',
        'CONVENTION','CONVENTION_SIGNEE','CONVOCATION','DELIBERATION_EXTRACT','ENGAGEMENT_SHEET','INSTRUCTION_REPORT',
        'MINUTES','MISSING_ITEMS_REQUEST','NOTIFICATION_GRANTED','NOTIFICATION_REJECTED','RAPPORT_ACTIVITE','RIB','STATUTS',
        'REMINDER','COMPTE_RENDU_FINANCIER','DELIBERATION_LIST','EXECUTORY_CERTIFICATE') not null;
