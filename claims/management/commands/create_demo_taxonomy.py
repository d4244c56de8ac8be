from django.core.management.base import BaseCommand

from claims.models import Tag, Topic

DEMO_TOPIC = ("Peace talks", "Should Ukraine and Russia start peace talks now?")
DEMO_TAGS = ["Military aid", "Casualty figures", "Diplomacy", "Economy"]


class Command(BaseCommand):
    help = (
        "Give a demo install a topic and a few tags, so the review scenario (verdict, tag, "
        "stance, link, ready) can be walked end to end. Idempotent: existing ones are kept."
    )

    def handle(self, *args, **options):
        title, question = DEMO_TOPIC
        _, topic_new = Topic.objects.get_or_create(title=title, defaults={"question": question})
        tags_new = sum(Tag.objects.get_or_create(name=name)[1] for name in DEMO_TAGS)
        if options["verbosity"]:
            self.stdout.write(
                f"demo taxonomy: {int(topic_new)} topic and {tags_new} tags created "
                f"({1 - int(topic_new)} and {len(DEMO_TAGS) - tags_new} existed)"
            )
