/* placeholder */ typedef int tl_placeholder_report;
