-- Opinions asked of other services or colleagues on a request (package consultation, issue 18): one row per service
-- (staff group) or colleague asked, with the question, the deadline, whether it is confidential, and the opinion once
-- given; the documents sent with the question; and the type of the files uploaded with it.

create table opinion_request (
    id bigint not null auto_increment,
    version bigint not null,
    request_id bigint not null,
    asked_group varchar(64),
    asked_user varchar(100),
    asked_by varchar(100) not null,
    asked_at datetime(6) not null,
    question varchar(2000) not null,
    due_on date not null,
    confidential bit(1) not null,
    state enum ('ASKED','GIVEN','WITHDRAWN') not null,
    verdict enum ('FAVORABLE','RESERVED','UNFAVORABLE'),
    opinion_text varchar(5000),
    given_by varchar(100),
    given_at datetime(6),
    withdrawn_by varchar(100),
    withdrawn_at datetime(6),
    withdrawal_reason varchar(200),
    reminded_at datetime(6),
    overdue_notified_at datetime(6),
    process_instance_id varchar(64),
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

-- A request's opinions, on its dossier page and in its report; « Avis à donner » reads the awaited ones
create index ix_opinion_request_request on opinion_request (request_id);
create index ix_opinion_request_state on opinion_request (state, asked_group, asked_user);

create table opinion_request_document (
    opinion_request_id bigint not null,
    document_id bigint not null,
    primary key (opinion_request_id, document_id),
    constraint fk_opinion_request_document_opinion foreign key (opinion_request_id) references opinion_request (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

-- Which questions a file was sent with: who may read it
create index ix_opinion_request_document_document on opinion_request_document (document_id);

alter table request_document
    modify column type enum ('ACKNOWLEDGEMENT','AUTRE','BUDGET_PREVISIONNEL','COMPTES','CONTRAT_ENGAGEMENT_REPUBLICAIN',
        'CONVENTION','CONVENTION_SIGNEE','CONVOCATION','DELIBERATION_EXTRACT','ENGAGEMENT_SHEET','INSTRUCTION_REPORT',
        'MINUTES','MISSING_ITEMS_REQUEST','NOTIFICATION_GRANTED','NOTIFICATION_REJECTED','RAPPORT_ACTIVITE','RIB','STATUTS',
        'REMINDER','COMPTE_RENDU_FINANCIER','DELIBERATION_LIST','EXECUTORY_CERTIFICATE','MESSAGE_ATTACHMENT','OPINION_ATTACHMENT') not null;
