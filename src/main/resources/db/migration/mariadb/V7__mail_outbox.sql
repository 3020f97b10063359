-- The e-mails' outbox (mail_outbox): one row per message and recipient, written in the transaction of the stage it
-- tells of and sent after the commit (package mail). template_name is a plain varchar, no enum: a message added later
-- needs no migration.

create table mail_outbox (
    attempts integer not null,
    claimed_at datetime(6),
    created_at datetime(6) not null,
    document_id bigint,
    id bigint not null auto_increment,
    next_attempt_at datetime(6) not null,
    request_id bigint,
    sent_at datetime(6),
    reference varchar(20),
    template_name varchar(40) not null,
    dedup_key varchar(200),
    cc varchar(254),
    recipient varchar(254) not null,
    subject varchar(300),
    last_error varchar(1000),
    model longtext not null,
    status enum ('FAILED','PENDING','SENDING','SENT') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table mail_outbox
    add constraint uk_mail_outbox_dedup unique (dedup_key);

create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);
create index ix_mail_outbox_reference on mail_outbox (reference);
