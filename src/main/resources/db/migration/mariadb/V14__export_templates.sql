-- The worklist's export templates (/gestion, package backoffice, issue 18): each member of staff's named exports, with
-- their format, their columns in their order and the worklist's tab, filters, search and sort as its address carries
-- them. A name is its user's once, case and accents aside (name_key).

create table export_template (
    id bigint not null auto_increment,
    username varchar(100) not null,
    name varchar(100) not null,
    name_key varchar(100) not null,
    format varchar(4) not null,
    column_keys varchar(400) not null,
    filters varchar(4000) not null,
    created_at datetime(6) not null,
    primary key (id),
    constraint uk_export_template_name unique (username, name_key)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
