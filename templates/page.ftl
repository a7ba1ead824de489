<#ftl output_format="HTML">
<#-- A page from content/, such as the about page, rendered by JBake. -->
<#include "_layout.ftl">
<@page title=content.title root=content.rootpath bodyClass="text-page">
<article class="prose">
${content.body?no_esc}
</article>
</@page>
