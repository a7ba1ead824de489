<#include "header.ftl">
<h1>All reports</h1>
<ul>
<#list published_posts as post>
<li>${post.date?string("yyyy-MM-dd")} <a href="${post.uri}">${post.title}</a></li>
</#list>
</ul>
<#include "footer.ftl">
