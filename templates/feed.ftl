<#ftl output_format="XML">
<?xml version="1.0" encoding="utf-8"?>
<#include "_site.ftl">
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.htmlLang}">
<title>${site.title}<#if name?has_content> · ${name}</#if></title>
<id>${id}</id>
<link rel="self" type="application/atom+xml" href="${self}"/>
<link rel="alternate" type="text/html" href="${alternate}"/>
<updated>${updated}</updated>
<author><name>${site.title}</name></author>
<generator>Daybook</generator>
<#list entries as e>
<entry>
<title>${e.title}</title>
<id>${e.id}</id>
<link rel="alternate" type="text/html" href="${e.url}"/>
<updated>${e.updated}</updated>
<#if e.author??><author><name>${e.author}</name></author></#if>
<summary>${e.summary}</summary>
</entry>
</#list>
</feed>
